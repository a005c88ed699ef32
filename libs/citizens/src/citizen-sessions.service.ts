import { Injectable } from '@nestjs/common';
import { CitizenAccountsRepository } from './citizen-accounts.repository';
import { CitizenTokenService } from './citizen-token.service';
import type { VerifiedIdentity } from './identity-provider.port';

/**
 * Turns a verified identity, from whichever provider, into the citizen's account (made on the
 * first sign-in) and a citizen token. Accounts are keyed by the verified phone: the desk's
 * dossiers carry the applicant's phone, and that is how a citizen finds theirs. A provider whose
 * identity carries no phone (or a second provider for one person) would add a
 * `citizen_identities (provider, subject) → account` link first (ADR 0027).
 */
@Injectable()
export class CitizenSessions {
  constructor(
    private readonly accounts: CitizenAccountsRepository,
    private readonly tokens: CitizenTokenService,
  ) {}

  async open(identity: VerifiedIdentity, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const account = await this.accounts.signedIn(identity.phone, now);
    return this.tokens.sign(account);
  }

  /** Ends every token of the account (all its devices). */
  close(citizenId: string): Promise<void> {
    return this.accounts.endTokens(citizenId);
  }
}
