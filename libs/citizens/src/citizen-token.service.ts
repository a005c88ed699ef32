import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '../../common/src';
import { setting } from '../../config/src';
import type { CitizenKeys } from './citizen-keys';

/** The citizen keys (`citizenKeys()`), one object per process. */
export const CITIZEN_KEYS = Symbol('CITIZEN_KEYS');

/** Every citizen token carries it; the staff AccessTokenService refuses any token with an audience. */
export const CITIZEN_AUDIENCE = 'motcua:citizen';

interface CitizenTokenPayload {
  sub: string;
  phone: string;
  /** The account's `token_version` at signing: a sign-out raises it, ending the token. */
  ver: number;
}

/** Who a valid citizen token was issued to. */
export interface CitizenClaims {
  citizenId: string;
  phone: string;
  tokenVersion: number;
}

/** 401 `CITIZEN_AUTH_REQUIRED`: no citizen token, or one that is forged, expired, ended or a staff token. */
export const citizenAuthRequired = (why = 'Sign in with your phone first (POST /api/citizen/auth/code)') =>
  AppError.unauthorized('CITIZEN_AUTH_REQUIRED', why);

/**
 * Signs and checks citizen tokens: HS256 with a key derived from CITIZEN_AUTH_SECRET (never the
 * staff JWT_SECRET) and the audience `motcua:citizen`, so a citizen token never passes the staff
 * guard and a staff token never passes the CitizenGuard (ADR 0027).
 */
@Injectable()
export class CitizenTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(CITIZEN_KEYS) private readonly keys: CitizenKeys,
  ) {}

  async sign(account: {
    id: string;
    phone: string;
    tokenVersion: number;
  }): Promise<{ token: string; expiresAt: Date }> {
    const payload: CitizenTokenPayload = { sub: account.id, phone: account.phone, ver: account.tokenVersion };
    const token = await this.jwt.signAsync(payload, {
      secret: this.keys.tokens as unknown as string,
      expiresIn: ttlSeconds(),
      algorithm: 'HS256',
      audience: CITIZEN_AUDIENCE,
    });
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  async verify(token: string): Promise<CitizenClaims> {
    let payload: Partial<CitizenTokenPayload>;
    try {
      payload = await this.jwt.verifyAsync<CitizenTokenPayload>(token, {
        secret: this.keys.tokens as unknown as string,
        algorithms: ['HS256'],
        audience: CITIZEN_AUDIENCE,
      });
    } catch {
      throw citizenAuthRequired('The citizen token is not valid or has expired: sign in again');
    }
    if (typeof payload.sub !== 'string' || typeof payload.phone !== 'string' || !Number.isInteger(payload.ver))
      throw citizenAuthRequired('The citizen token is not valid: sign in again');
    return { citizenId: payload.sub, phone: payload.phone, tokenVersion: payload.ver! };
  }
}

/** CITIZEN_TOKEN_TTL in seconds (`2h`, `30m`, `900`). */
export function ttlSeconds(text = setting('CITIZEN_TOKEN_TTL')): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  const units: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };
  return match ? Number(match[1]) * units[match[2]!]! : 7200;
}
