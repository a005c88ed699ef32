import { randomBytes } from 'node:crypto';

export interface JwtSettings {
  secret: string;
  /** Seconds, or a duration like `8h` (jsonwebtoken's format). */
  ttl: number | string;
}

const DURATION = /^\d+\s*(ms|s|m|h|d|w)?$/;

/** Token settings from `JWT_SECRET` and `JWT_TTL` (default 8h). Without a secret, production
 * refuses to start; elsewhere a random one is generated (tokens then die with the process). */
export function jwtSettings(env: NodeJS.ProcessEnv, warn: (message: string) => void): JwtSettings {
  const ttlText = env.JWT_TTL?.trim() || '8h';
  if (!DURATION.test(ttlText)) throw new Error(`JWT_TTL "${ttlText}" is not a duration (e.g. 3600, 30m, 8h)`);
  const ttl = /^\d+$/.test(ttlText) ? Number(ttlText) : ttlText.replace(/\s+/g, '');

  const secret = env.JWT_SECRET;
  if (secret) return { secret, ttl };
  if (env.NODE_ENV === 'production') throw new Error('JWT_SECRET must be set in production');
  warn('JWT_SECRET is not set: using a random secret for this process; tokens will not survive a restart or work across processes');
  return { secret: randomBytes(32).toString('base64url'), ttl };
}
