import { Logger } from '@nestjs/common';
import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { setting } from '../../config/src';

/** The two keys of the citizens' sign-in, each derived from `CITIZEN_AUTH_SECRET` for one use only. */
export interface CitizenKeys {
  /** HMAC key of the one-time codes at rest. */
  codes: Buffer;
  /** HS256 key of citizen tokens (never JWT_SECRET: a citizen token cannot pass the staff guard). */
  tokens: KeyObject;
}

const derive = (secret: string, purpose: string) => createHmac('sha256', secret).update(purpose).digest();

/**
 * Keys from `CITIZEN_AUTH_SECRET` (validated config; production refuses to start without it or
 * with JWT_SECRET's value). Elsewhere a random secret per process, with a warning: codes and
 * tokens then die with the process.
 */
export function citizenKeys(env: NodeJS.ProcessEnv = process.env): CitizenKeys {
  let secret = setting('CITIZEN_AUTH_SECRET', env);
  if (!secret) {
    new Logger('Citizens').warn(
      'CITIZEN_AUTH_SECRET is not set: using a random secret for this process; sign-in codes and citizen tokens will not survive a restart',
    );
    secret = randomBytes(32).toString('base64url');
  }
  return {
    codes: derive(secret, 'motcua citizen sign-in code v1'),
    tokens: createSecretKey(derive(secret, 'motcua citizen token v1')),
  };
}
