import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { AppError } from '../../../common/src';
import { jwtSettings, type JwtSettings } from './jwt.config';

interface AccessTokenPayload {
  sub: string;
  username: string;
  /** The account's `token_version` at signing: a password change or reset raises it, ending the token. */
  ver: number;
}

/** Who a valid token was issued to, and at which token version of the account. */
export interface TokenClaims {
  userId: string;
  tokenVersion: number;
}

/**
 * Signs and checks bearer tokens (HS256). The secret is read on first use, or at bootstrap
 * when the app serves HTTP, so a production server without `JWT_SECRET` refuses to start
 * while the worker (same module, no HTTP, no tokens) does not need one.
 */
@Injectable()
export class AccessTokenService implements OnApplicationBootstrap {
  private settings?: JwtSettings;
  /**
   * The secret as a KeyObject: given a string, jsonwebtoken first tries it as a PEM public key
   * on every call (a thrown error each time: 12 % of the CPU of an HTTP task completion).
   */
  private key?: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    if (this.adapterHost?.httpAdapter) this.config();
  }

  sign(user: { id: string; username: string; tokenVersion: number }): Promise<string> {
    const { ttl } = this.config();
    const payload: AccessTokenPayload = { sub: user.id, username: user.username, ver: user.tokenVersion };
    return this.jwt.signAsync(payload, {
      secret: this.secretKey() as unknown as string,
      expiresIn: ttl as number,
      algorithm: 'HS256',
    });
  }

  /** The user id and token version; 401 `AUTH_TOKEN_INVALID` when forged, malformed or expired. */
  async verify(token: string): Promise<TokenClaims> {
    let payload: Partial<AccessTokenPayload>;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token, {
        secret: this.secretKey() as unknown as string,
        algorithms: ['HS256'],
      });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw new AppError(
        401,
        'AUTH_TOKEN_INVALID',
        expired ? 'Access token has expired' : 'Access token is not valid',
        undefined,
        { cause: error },
      );
    }
    // A citizen token (libs/citizens, ADR 0027) is signed with another key; its audience is refused
    // here too, so one secret configured twice still never lets a citizen through a staff route.
    if ((payload as { aud?: unknown }).aud !== undefined)
      throw AppError.unauthorized('AUTH_TOKEN_INVALID', 'Access token is not valid');
    if (typeof payload.sub !== 'string') throw AppError.unauthorized('AUTH_TOKEN_INVALID', 'Access token is not valid');
    // Tokens signed before versions existed carry none: version 0, the column's default.
    const tokenVersion = payload.ver ?? 0;
    if (!Number.isInteger(tokenVersion)) throw AppError.unauthorized('AUTH_TOKEN_INVALID', 'Access token is not valid');
    return { userId: payload.sub, tokenVersion };
  }

  private secretKey(): KeyObject {
    return (this.key ??= createSecretKey(Buffer.from(this.config().secret)));
  }

  private config(): JwtSettings {
    return (this.settings ??= jwtSettings(undefined, (message) => new Logger('Identity').warn(message)));
  }
}
