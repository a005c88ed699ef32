/**
 * Where a citizen's identity comes from (ADR 0027). Every way of signing in ends in a
 * `VerifiedIdentity`; `CitizenSessions.open` turns it into the citizen account and a citizen token.
 * The phone one-time code (`PhoneOtpProvider`) is the only provider built. A province with VNeID (the
 * national identity app) or an OIDC provider adds a `RedirectIdentityProvider` — the
 * authorization-code flow with PKCE, `state` and `nonce`, the ID token checked against the
 * provider's keys — and links its `subject` to an account; nothing here pretends to be one.
 */
export interface VerifiedIdentity {
  /** `phone-otp` today; e.g. `vneid`, `oidc:<issuer>` when such a provider is added. */
  provider: string;
  /** The provider's stable id of the person (the phone itself for `phone-otp`; `sub` for OIDC). */
  subject: string;
  /** The verified mobile number, normalised (`0` + 9 digits): the desk's dossiers are found by it. */
  phone: string;
  /** How strongly the person is known: owning the phone, or a national identity (level 2 VNeID). */
  assurance: 'phone-possession' | 'national-identity';
}

/** The request a sign-in step comes from: its client address (rate limits) and the clock's now. */
export interface SignInCaller {
  address: string | undefined;
  now: Date;
}

/** A provider the citizen answers in our own page: a code sent to the phone, typed back. */
export interface ChallengeIdentityProvider<Start, Answer> {
  readonly kind: 'challenge';
  readonly name: string;
  /** Sends the challenge; answers the same for every well-formed input (no account is revealed). */
  challenge(input: Start, caller: SignInCaller): Promise<{ expiresInSeconds: number }>;
  /** The identity the answer proves; 400 `OTP_INVALID` otherwise (or 429 `OTP_THROTTLED`). */
  verify(input: Answer, caller: SignInCaller): Promise<VerifiedIdentity>;
}

/**
 * A provider the citizen is sent to and returns from (VNeID, a provincial OIDC login): NOT
 * implemented; the shape a provider must fill, see ADR 0027 "Plugging in VNeID or OIDC".
 */
export interface RedirectIdentityProvider {
  readonly kind: 'redirect';
  readonly name: string;
  /** The provider's authorization URL for this attempt (`state`, `nonce`, PKCE `codeChallenge`, S256). */
  authorizationUrl(attempt: { state: string; nonce: string; codeChallenge: string; redirectUri: string }): Promise<URL>;
  /** Exchanges the returned code, checks the ID token (signature, issuer, audience, nonce, expiry). */
  callback(
    returned: { code: string; state: string; codeVerifier: string; nonce: string; redirectUri: string },
    caller: SignInCaller,
  ): Promise<VerifiedIdentity>;
}

export type IdentityProvider = ChallengeIdentityProvider<unknown, unknown> | RedirectIdentityProvider;
