import { Inject, Injectable, Optional } from '@nestjs/common';
import { setting } from '../../../config/src';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt cost parameters. N=2^17, r=8, p=1 is OWASP's minimum (Password Storage Cheat Sheet):
 * 128 MiB and ~0.3 s per hash on a server core, run on libuv's thread pool (async `scrypt`), so
 * the event loop stays free.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** Optional override of the cost (tests use a cheap one). */
export const SCRYPT_PARAMS = Symbol('SCRYPT_PARAMS');

/**
 * The cost from `PASSWORD_HASH_COST` (log2 N, default 17). Operators may raise it; a production
 * server refuses a lower one, so only test and development servers can trade strength for speed
 * (the e2e suites run at 14: every login of every suite pays it).
 */
export function scryptParamsFromEnv(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  // Checked by the schema (libs/config): 10–20, at least 17 (the default's) in production.
  const cost = setting('PASSWORD_HASH_COST', env);
  return cost === undefined ? DEFAULT_SCRYPT_PARAMS : { ...DEFAULT_SCRYPT_PARAMS, N: 2 ** cost };
}

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse stored parameters above this, so a tampered hash cannot exhaust memory. */
const MAX_N = 2 ** 20;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) refuses N=2^17, r=8.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * Password hashes encoded as `scrypt$N$r$p$salt$hash` (base64url), one random salt per hash. The
 * parameters travel with the hash, so older hashes still verify and are upgraded at the next
 * successful login ({@link PasswordHasher.needsRehash}).
 */
@Injectable()
export class PasswordHasher {
  private readonly params: ScryptParams;

  constructor(@Optional() @Inject(SCRYPT_PARAMS) params?: ScryptParams) {
    this.params = params ?? scryptParamsFromEnv();
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const { N, r, p } = this.params;
    const key = await derive(password, salt, this.params);
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  /** True when the hash was made with other parameters than the current ones (or cannot be read). */
  needsRehash(encoded: string): boolean {
    const parsed = parse(encoded);
    const { N, r, p } = this.params;
    return !parsed || parsed.params.N !== N || parsed.params.r !== r || parsed.params.p !== p;
  }

  /** Constant-time check; false (never a throw) for a malformed or foreign hash. */
  async verify(password: string, encoded: string): Promise<boolean> {
    const parsed = parse(encoded);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.params);
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  }
}

function parse(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const valid =
    Number.isInteger(N) &&
    N > 1 &&
    N <= MAX_N &&
    (N & (N - 1)) === 0 &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 32 &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= 16;
  if (!valid) return undefined;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length === 0 || key.length === 0) return undefined;
  return { params: { N, r, p }, salt, key };
}
