import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { setting } from '../../../config/src';

/** No 0/O, 1/I/L: read aloud at the desk and typed on a kiosk keypad. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 6;

/**
 * The short lookup key printed on the receipt (DESIGN §4). Stored as sha256(pepper, code, key):
 * the pepper (`LOOKUP_KEY_PEPPER`) keeps a leaked table from being brute-forced over the
 * 31^6 keys, and the code in the hash makes each key useless for any other dossier.
 */
@Injectable()
export class LookupKeyService {
  private readonly pepper: string;

  constructor() {
    const configured = setting('LOOKUP_KEY_PEPPER');
    if (!configured && setting('NODE_ENV') === 'production') {
      new Logger('LookupKey').warn('LOOKUP_KEY_PEPPER is not set: lookup keys are hashed with the development pepper');
    }
    this.pepper = configured || 'motcua-dev-pepper';
  }

  generate(): string {
    let key = '';
    for (let i = 0; i < LENGTH; i++) key += ALPHABET[randomInt(ALPHABET.length)];
    return key;
  }

  hash(code: string, key: string): string {
    return createHash('sha256').update(`${this.pepper}\u0000${code}\u0000${key.trim().toUpperCase()}`).digest('hex');
  }

  /** True when `key` is the one printed on the receipt of `code` (constant-time compare). */
  matches(code: string, key: string, storedHash: string): boolean {
    const a = Buffer.from(this.hash(code, key), 'hex');
    const b = Buffer.from(storedHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
