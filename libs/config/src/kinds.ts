/**
 * The kinds of setting the schema (schema.ts) is written with. Each kind turns the raw text of one
 * environment variable into a typed value, or throws a {@link ConfigError} whose one-line message
 * names the variable and says what it expects, without ever repeating a secret's value.
 */

/** A bad setting: the message is the whole story (the start prints it alone, without a stack). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface Setting<T> {
  /** The value when the variable is unset or empty. */
  readonly fallback: T;
  /** The default as the operations table shows it. */
  readonly shown: string;
  /** What it is for, one sentence (docs/operations.md). */
  readonly doc: string;
  /** Part of docs/operations.md's table it is listed under. */
  group?: string;
  /** Never printed, in errors or the table. */
  readonly secret: boolean;
  /** Text → value; `name` is the variable, for the message. Throws ConfigError. */
  parse(raw: string, name: string, env: NodeJS.ProcessEnv): T;
}

/** `"abc"` as it is quoted in an error, cut at 40 characters; `(hidden)` for a secret. */
export function quoted(raw: string, secret = false): string {
  if (secret) return '(value hidden)';
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

function setting<T>(fallback: T, shown: string, doc: string, parse: Setting<T>['parse'], secret = false): Setting<T> {
  return { fallback, shown, doc, secret, parse };
}

type Unit = 'ms' | 'seconds' | 'bytes' | 'count' | 'port';
const UNIT_WORDS: Record<Unit, string> = {
  ms: ' of milliseconds',
  seconds: ' of seconds',
  bytes: ' of bytes',
  count: '',
  port: ' (a TCP port)',
};

/** A whole number, at least `min` (default 0), at most `max`. */
export function int(
  fallback: number,
  doc: string,
  options: { unit?: Unit; min?: number; max?: number } = {},
): Setting<number> {
  const { unit = 'count', min = 0, max } = options;
  const range = max !== undefined ? ` from ${min} to ${max}` : min > 0 ? `, at least ${min}` : '';
  const expects = `a whole number${UNIT_WORDS[unit]}${range}`;
  return setting(fallback, String(fallback), doc, (raw, name) => {
    const value = Number(raw.trim().replace(/_/g, ''));
    if (
      !/^\s*-?[\d_]+\s*$/.test(raw) ||
      !Number.isSafeInteger(value) ||
      value < min ||
      (max !== undefined && value > max)
    ) {
      throw new ConfigError(`${name} must be ${expects} (got ${quoted(raw)})`);
    }
    return value;
  });
}

/** A whole number or nothing (the library's own default applies). */
export function optionalInt(
  shown: string,
  doc: string,
  options: { unit?: Unit; min?: number; max?: number } = {},
): Setting<number | undefined> {
  const inner = int(0, doc, options);
  return setting<number | undefined>(undefined, shown, doc, (raw, name, env) => inner.parse(raw, name, env));
}

/** A decimal number in (min, max]. */
export function fraction(fallback: number, doc: string): Setting<number> {
  return setting(fallback, String(fallback), doc, (raw, name) => {
    const value = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(value) || value <= 0 || value > 1)
      throw new ConfigError(`${name} must be a decimal number above 0 and at most 1, e.g. 0.25 (got ${quoted(raw)})`);
    return value;
  });
}

/** `true` or `false` (also 1/0, yes/no). */
export function bool(fallback: boolean, doc: string): Setting<boolean> {
  return setting(fallback, String(fallback), doc, (raw, name) => {
    const text = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(text)) return true;
    if (['false', '0', 'no', 'off'].includes(text)) return false;
    throw new ConfigError(`${name} must be true or false (got ${quoted(raw)})`);
  });
}

/** Free text; `fallback` when unset. */
export function text(
  fallback: string,
  doc: string,
  options: { pattern?: RegExp; expects?: string } = {},
): Setting<string> {
  return setting(fallback, fallback === '' ? '(empty)' : fallback, doc, (raw, name) => {
    const value = raw.trim();
    if (options.pattern && !options.pattern.test(value))
      throw new ConfigError(`${name} must be ${options.expects ?? `like ${options.pattern}`} (got ${quoted(raw)})`);
    return value;
  });
}

/** Text or nothing. */
export function optionalText(doc: string): Setting<string | undefined> {
  return setting<string | undefined>(undefined, '(unset)', doc, (raw) => raw.trim() || undefined);
}

/** One of `values`. */
export function oneOf<const V extends string>(values: readonly V[], fallback: V, doc: string): Setting<V> {
  return setting(fallback, fallback, doc, (raw, name) => {
    const value = raw.trim() as V;
    if (!values.includes(value))
      throw new ConfigError(`${name} must be one of ${values.join(', ')} (got ${quoted(raw)})`);
    return value;
  });
}

/** A secret: never shown; `minLength` checked everywhere, placeholders refused in production (config.ts). */
export function secret(doc: string, options: { fallback?: string; shown?: string } = {}): Setting<string | undefined> {
  return setting<string | undefined>(options.fallback, options.shown ?? '(unset)', doc, (raw) => raw, true);
}

/**
 * A URL with one of `protocols`. The message never repeats the value (it may hold a password); a
 * `#` outside the fragment usually is an unescaped `#` in the password, and says so.
 */
export function url(
  fallback: string | undefined,
  doc: string,
  protocols: string[],
  example: string,
): Setting<string | undefined> {
  const shown = fallback ?? '(unset)';
  return setting<string | undefined>(fallback, shown, doc, (raw, name) => {
    checkedUrl(raw.trim(), name, protocols, example);
    return raw.trim();
  });
}

/** Parses `raw` as a URL of one of `protocols`, with a message that never holds the URL. */
export function checkedUrl(raw: string, name: string, protocols: string[], example: string): URL {
  const kinds = protocols.map((p) => `${p}//`).join(' or ');
  const escaping = ' (percent-encode #, ?, /, @ and : in a user name or password: # is %23, @ is %40)';
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name} must be a ${kinds} URL such as ${example}; the value given cannot be read as a URL${raw.includes('#') ? escaping : ''}`,
    );
  }
  if (!protocols.includes(parsed.protocol))
    throw new ConfigError(
      `${name} must be a ${kinds} URL such as ${example} (it starts with ${quoted(parsed.protocol)})`,
    );
  if (parsed.hash !== '' || raw.includes('#'))
    throw new ConfigError(`${name} holds a '#': the rest of the URL would be dropped${escaping}`);
  if (!parsed.hostname) throw new ConfigError(`${name} must name a host, as in ${example}`);
  return parsed;
}

/** A setting whose check lives elsewhere: `parse` returns the value or throws ConfigError. */
export function custom<T>(fallback: T, shown: string, doc: string, parse: Setting<T>['parse']): Setting<T> {
  return setting(fallback, shown, doc, parse);
}
