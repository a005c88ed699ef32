import { randomBytes } from 'node:crypto';
import { ConfigError, setting } from '../../../config/src';

export interface JwtSettings {
  secret: string;
  /** Seconds, or a duration like `8h` (jsonwebtoken's format). */
  ttl: number | string;
}

/** Token settings from `JWT_SECRET` and `JWT_TTL` (default 8h). Without a secret, production
 * refuses to start; elsewhere a random one is generated (tokens then die with the process). */
export function jwtSettings(env: NodeJS.ProcessEnv = process.env, warn: (message: string) => void): JwtSettings {
  const ttlText = setting('JWT_TTL', env);
  const ttl = /^\d+$/.test(ttlText) ? Number(ttlText) : ttlText.replace(/\s+/g, '');

  const secret = setting('JWT_SECRET', env);
  if (secret) return { secret, ttl };
  if (setting('NODE_ENV', env) === 'production') throw new ConfigError('JWT_SECRET must be set in production');
  warn(
    'JWT_SECRET is not set: using a random secret for this process; tokens will not survive a restart or work across processes',
  );
  return { secret: randomBytes(32).toString('base64url'), ttl };
}
