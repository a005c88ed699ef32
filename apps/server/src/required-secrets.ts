/**
 * Secrets come only from the environment. In production (`NODE_ENV=production`) the server refuses
 * to start without them; elsewhere the libs fall back to development values with a warning.
 */
const REQUIRED_IN_PRODUCTION = ['JWT_SECRET', 'SMS_INBOUND_SECRET', 'LOOKUP_KEY_PEPPER'] as const;
const MIN_LENGTH = 16;

/** The problems with the secrets in `env` (empty when the server may start). */
export function secretProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  for (const name of REQUIRED_IN_PRODUCTION) {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} must be set in production`);
    else if (value.length < MIN_LENGTH) problems.push(`${name} must be at least ${MIN_LENGTH} characters`);
  }
  if (env.SMS_GATEWAY_URL && !env.SMS_GATEWAY_TOKEN?.trim()) problems.push('SMS_GATEWAY_TOKEN must be set when SMS_GATEWAY_URL is');
  return problems;
}

/** What may start but should not run a province: demo accounts with the published password. */
export function secretWarnings(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== 'production' || env.SEED_DEMO === 'false') return [];
  const publicPassword = !env.DEMO_PASSWORD || env.DEMO_PASSWORD === 'motcua-demo';
  return [`demo accounts are seeded in production${publicPassword ? ' with the published password motcua-demo' : ''}: set SEED_DEMO=false for a real province`];
}

export function assertSecrets(env: NodeJS.ProcessEnv = process.env, warn: (message: string) => void = () => undefined): void {
  const problems = secretProblems(env);
  if (problems.length) throw new Error(`Refusing to start: ${problems.join('; ')}`);
  for (const warning of secretWarnings(env)) warn(warning);
}
