import fc from 'fast-check';

/** A JSON body as sent: the text, and whether it is meant to parse. */
export interface BodyCase {
  text: string;
  contentType: string;
}

const huge = fc.integer({ min: 5_000, max: 3_000_000 }).map((n) => 'Ứ'.repeat(n));
const unicode = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    'Nguyễn Văn Ả',
    '\u0000',
    '\uD800',
    '𝔘𝔫𝔦',
    '١٢٣',
    'ﷺ',
    '\u202E',
    "'; DROP TABLE users; --",
    '../../etc/passwd',
    '%00',
    '${7*7}',
    '{{7*7}}',
  ),
);
const wrong: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, -0),
  unicode,
  huge.filter((text) => text.length < 50_000),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constantFrom([], {}, [null], { $gt: '' }, '2026-13-45T99:99:99Z', 'NaN'),
);

type Json = Record<string, unknown>;

/** The example with one field removed, retyped, or joined by an extra field (also `__proto__` and `constructor`). */
function mutateExample(example: Json): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  const retype = keys.length
    ? fc.tuple(fc.constantFrom(...keys), wrong).map(([key, value]) => ({ ...example, [key]: value }))
    : wrong;
  const drop = keys.length
    ? fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(example).filter(([k]) => k !== key)))
    : fc.constant({});
  const extra = fc
    .tuple(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'status', 'roles', 'unitCode', 'admin', 'x'),
      wrong,
    )
    .map(([key, value]) => ({ ...example, [key]: value }));
  const nested = keys.length
    ? fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...keys), wrong).map(([outer, inner, value]) => ({
        ...example,
        [outer]:
          typeof example[outer] === 'object' && example[outer] !== null
            ? { ...(example[outer] as Json), [inner]: value }
            : [value],
      }))
    : wrong;
  return fc.oneof(retype, retype, drop, extra, nested, fc.constant(example));
}

/** Bodies for one endpoint: mutated examples, any JSON value at all, and bodies that are not JSON. */
export function bodyCases(example: Json): fc.Arbitrary<BodyCase> {
  const json = (value: unknown): BodyCase => ({ text: JSON.stringify(value), contentType: 'application/json' });
  return fc.oneof(
    { weight: 6, arbitrary: mutateExample(example).map(json) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('{', '{"a":', '[1,]', 'null', '""', '{"__proto__":{"x":1}}', '{"a":1}{"b":2}'),
        )
        .map((text) => ({ text, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          mutateExample(example),
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'text/xml',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
          ),
        )
        .map(([value, contentType]) => ({ text: JSON.stringify(value), contentType })),
    },
    { weight: 1, arbitrary: huge.map((text) => json({ ...example, [Object.keys(example)[0] ?? 'x']: text })) },
  );
}

/** Nesting depths: just past the 64 levels a body may have, up to 10,000 (the 500 began near 5,000). */
const depth = fc.oneof(fc.constantFrom(65, 100, 1_000, 5_000, 10_000), fc.integer({ min: 65, max: 10_000 }));

/** `depth` levels of arrays, objects or both around `core`, written as text (JSON.stringify would recurse). */
function nested(levels: number, shape: 'array' | 'object' | 'mixed', core: string): string {
  const open = (level: number) => (shape === 'array' || (shape === 'mixed' && level % 2) ? '[' : '{"a":');
  const close = (level: number) => (shape === 'array' || (shape === 'mixed' && level % 2) ? ']' : '}');
  const opens: string[] = [];
  const closes: string[] = [];
  for (let level = 0; level < levels; level++) {
    opens.push(open(level));
    closes.push(close(levels - 1 - level));
  }
  return opens.join('') + core + closes.join('');
}

/**
 * Deeply nested bodies (issue 15 item 1): the whole body, or one field of the example, nested 65 to
 * 10,000 levels in arrays, objects or both; the innermost value is sometimes a string holding NUL
 * (beyond the 64 levels the NUL check used to look at).
 */
export function deepBodyCases(example: Json): fc.Arbitrary<BodyCase> {
  const keys = Object.keys(example);
  return fc
    .record({
      levels: depth,
      shape: fc.constantFrom('array' as const, 'object' as const, 'mixed' as const),
      nul: fc.boolean(),
      field: fc.option(fc.constantFrom(...keys, 'z'), { nil: undefined }),
    })
    .map(({ levels, shape, nul, field }) => {
      const deep = nested(levels, shape, nul ? '"x\\u0000y"' : '1');
      // The example's own text with the chosen field's value cut out and the nesting put in its place.
      const text =
        field === undefined ? deep : JSON.stringify({ ...example, [field]: '\u0001' }).replace('"\\u0001"', deep);
      return { text, contentType: 'application/json' };
    });
}

/** Lengths for a bounded field: just past the bound, ten times it, and up to the 2 MB body limit. */
export function oversizedLengths(maxLength: number | undefined): number[] {
  const huge = [100_000, 1_900_000];
  return maxLength === undefined ? [1_000, 10_000, ...huge] : [maxLength + 1, maxLength * 10, ...huge];
}

/** A string of `length` characters shaped like the field (an e-mail stays an e-mail, a phone a phone), ASCII or Vietnamese. */
export function oversizedValue(field: string, length: number, vietnamese: boolean): string {
  // An address that almost matches: the last `@` sends a backtracking e-mail pattern through every dot.
  if (/mail/i.test(field)) return `a@${'a.'.repeat(Math.ceil(length / 2)).slice(0, Math.max(0, length - 3))}@`;
  if (/phone|from|idNumber/i.test(field)) return '0'.repeat(length);
  // Three bytes per character in UTF-8: keep the text within the 2 MB body limit's reach.
  return (vietnamese ? 'Nguyễn Ứng ' : 'abcdefghij ')
    .repeat(Math.ceil(length / 11))
    .slice(0, vietnamese ? Math.min(length, 600_000) : length);
}
