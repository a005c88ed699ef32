import { ConfigError, productionProblems, productionWarnings } from '../../../libs/config/src';

/**
 * Secrets come only from the environment. In production (`NODE_ENV=production`) the server and the
 * worker refuse to start without them, or with a known placeholder (`change-me-…`); elsewhere the
 * libs fall back to development values with a warning. The rules live in libs/config (issue 20).
 */
export function secretProblems(env: NodeJS.ProcessEnv): string[] {
  return productionProblems(env);
}

/** What may start but should not run a province: demo accounts with the published password. */
export function secretWarnings(env: NodeJS.ProcessEnv): string[] {
  return productionWarnings(env);
}

export function assertSecrets(
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = () => undefined,
): void {
  const problems = secretProblems(env);
  if (problems.length) throw new ConfigError(`Refusing to start: ${problems.join('; ')}`);
  for (const warning of secretWarnings(env)) warn(warning);
}
