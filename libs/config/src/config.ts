import { ConfigError, type Setting } from './kinds';
import { SCHEMA, type Config, type SettingName } from './schema';

/**
 * One setting, read from `env` and checked against the schema: the default when unset or empty,
 * the typed value otherwise; a bad value throws {@link ConfigError}. Cheap (one variable), so
 * code reads settings where it needs them and tests may change `process.env` between apps.
 */
export function setting<K extends SettingName>(name: K, env: NodeJS.ProcessEnv = process.env): Config[K] {
  const spec = SCHEMA[name] as Setting<Config[K]>;
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return spec.fallback;
  return spec.parse(raw, name, env);
}

/**
 * For values read while a module loads (decorator arguments): a bad value gives the default here,
 * since throwing during `require` would print a stack; the start's {@link loadConfig} refuses the
 * bad value before anything runs.
 */
export function settingAtLoad<K extends SettingName>(name: K, env: NodeJS.ProcessEnv = process.env): Config[K] {
  try {
    return setting(name, env);
  } catch {
    return (SCHEMA[name] as Setting<Config[K]>).fallback;
  }
}

/**
 * Every setting, checked, with the production rules ({@link productionProblems}) unless
 * `productionRules: false` (the migration runner needs no secrets); all bad values in one
 * message (one line), secrets never repeated.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { productionRules?: boolean } = {}): Config {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const name of Object.keys(SCHEMA) as SettingName[]) {
    try {
      config[name] = setting(name, env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (options.productionRules !== false) problems.push(...productionProblems(env));
  if (problems.length) throw new ConfigError(problems.join('; '));
  return config as Config;
}

const PRODUCTION_SECRETS = ['JWT_SECRET', 'SMS_INBOUND_SECRET', 'LOOKUP_KEY_PEPPER', 'CITIZEN_AUTH_SECRET'] as const;
export const MIN_SECRET_LENGTH = 16;
/**
 * Values shipped in examples and the compose file, or typed to get something running: in
 * production each is as good as no secret. Compared case-insensitively, on the start of the value.
 */
const PLACEHOLDERS =
  /^(change[-_ .]?me|changeit|replace[-_ .]?me|your[-_ .]|example|placeholder|secret|password|passw0rd|test[-_ .]?secret|dev[-_ .]|motcua[-_ .]?(dev|demo|secret)|todo|xxx|aaaa|1234)/i;

/** Whether `value` is a placeholder or too weak to be a production secret (empty, short, one repeated character). */
export function weakSecret(value: string | undefined): 'unset' | 'short' | 'placeholder' | undefined {
  const text = value?.trim() ?? '';
  if (!text) return 'unset';
  if (text.length < MIN_SECRET_LENGTH) return 'short';
  if (PLACEHOLDERS.test(text) || new Set(text).size < 4) return 'placeholder';
  return undefined;
}

/** What a production start (`NODE_ENV=production`) refuses: missing or placeholder secrets, no PUBLIC_URL. */
export function productionProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  for (const name of PRODUCTION_SECRETS) {
    const weak = weakSecret(env[name]);
    if (weak === 'unset') problems.push(`${name} must be set in production`);
    else if (weak === 'short') problems.push(`${name} must be at least ${MIN_SECRET_LENGTH} characters`);
    else if (weak === 'placeholder')
      problems.push(`${name} is a known placeholder (such as change-me-…): generate one, e.g. openssl rand -base64 32`);
  }
  if (env.CITIZEN_AUTH_SECRET?.trim() && env.CITIZEN_AUTH_SECRET.trim() === env.JWT_SECRET?.trim())
    problems.push(
      'CITIZEN_AUTH_SECRET must differ from JWT_SECRET (citizen and staff tokens are kept apart, ADR 0027)',
    );
  if (env.SMS_GATEWAY_URL?.trim() && !env.SMS_GATEWAY_TOKEN?.trim())
    problems.push('SMS_GATEWAY_TOKEN must be set when SMS_GATEWAY_URL is');
  if (env.VNPAY_HASH_SECRET?.trim()) {
    const weak = weakSecret(env.VNPAY_HASH_SECRET);
    if (weak === 'short') problems.push(`VNPAY_HASH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    if (weak === 'placeholder') problems.push('VNPAY_HASH_SECRET is a known placeholder: use the secret VNPay issued');
    if (!env.VNPAY_PAY_URL?.trim().startsWith('https://'))
      problems.push("VNPAY_PAY_URL must be set to VNPay's https pay page when VNPAY_HASH_SECRET is");
    if (!env.VNPAY_TMN_CODE?.trim()) problems.push('VNPAY_TMN_CODE must be set when VNPAY_HASH_SECRET is');
  }
  if (!env.PUBLIC_URL?.trim()) {
    problems.push(
      'PUBLIC_URL must be set in production: the address citizens reach the web app at, e.g. https://motcua.daklak.gov.vn (every QR code and SMS link points there)',
    );
  }
  return problems;
}

/** What may start but should not run a province: demo accounts with the published password. */
export function productionWarnings(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.NODE_ENV !== 'production' || setting('SEED_DEMO', env) === false) return [];
  const publicPassword = !env.DEMO_PASSWORD || env.DEMO_PASSWORD === 'motcua-demo';
  return [
    `demo accounts are seeded in production${publicPassword ? ' with the published password motcua-demo' : ''}: set SEED_DEMO=false for a real province`,
  ];
}

/** Whether PUBLIC_URL is still the development default (the administrators' console warns). */
export function publicUrlIsDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.PUBLIC_URL?.trim();
}

/** The password part of a URL's text, even when the URL cannot be parsed (an unescaped `#`). */
function urlPassword(raw: string | undefined): string | undefined {
  const match = raw ? /^[a-z][\w+.-]*:\/\/[^:/?#@]*:(.+)@[^@]*$/i.exec(raw.trim()) : null;
  return match?.[1];
}

/** Every value that must not be printed: secrets, URL passwords (raw and decoded), the URLs themselves. */
export function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  const values = new Set<string>();
  for (const [name, spec] of Object.entries(SCHEMA) as [string, Setting<unknown>][]) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    if (spec.secret && raw.length >= 4) values.add(raw);
    const password = urlPassword(raw);
    if (password) {
      values.add(raw);
      values.add(password);
      for (const part of password.split('#')) if (part.length >= 3) values.add(part);
      try {
        values.add(decodeURIComponent(password));
      } catch {
        // not percent-encoded: the raw text is enough
      }
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** `text` with every secret value of `env` replaced by `***`. */
export function redactSecrets(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const value of secretValues(env)) out = out.split(value).join('***');
  return out;
}
