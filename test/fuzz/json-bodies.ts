import fc from 'fast-check';

/** A JSON body as sent: the text, and whether it is meant to parse. */
export interface BodyCase {
  text: string;
  contentType: string;
}

const huge = fc.integer({ min: 5_000, max: 3_000_000 }).map((n) => 'Ứ'.repeat(n));
const unicode = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('Nguyễn Văn Ả', '\u0000', '\uD800', '𝔘𝔫𝔦', '١٢٣', 'ﷺ', '\u202E', "'; DROP TABLE users; --", '../../etc/passwd', '%00', '${7*7}', '{{7*7}}'));
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
  const retype = keys.length ? fc.tuple(fc.constantFrom(...keys), wrong).map(([key, value]) => ({ ...example, [key]: value })) : wrong;
  const drop = keys.length ? fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(example).filter(([k]) => k !== key))) : fc.constant({});
  const extra = fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'status', 'roles', 'unitCode', 'admin', 'x'), wrong).map(([key, value]) => ({ ...example, [key]: value }));
  const nested = keys.length
    ? fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...keys), wrong).map(([outer, inner, value]) => ({ ...example, [outer]: typeof example[outer] === 'object' && example[outer] !== null ? { ...(example[outer] as Json), [inner]: value } : [value] }))
    : wrong;
  return fc.oneof(retype, retype, drop, extra, nested, fc.constant(example));
}

/** Bodies for one endpoint: mutated examples, any JSON value at all, and bodies that are not JSON. */
export function bodyCases(example: Json): fc.Arbitrary<BodyCase> {
  const json = (value: unknown): BodyCase => ({ text: JSON.stringify(value), contentType: 'application/json' });
  return fc.oneof(
    { weight: 6, arbitrary: mutateExample(example).map(json) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('{', '{"a":', '[1,]', 'null', '""', '{"__proto__":{"x":1}}', '{"a":1}{"b":2}')).map((text) => ({ text, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.tuple(mutateExample(example), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'text/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1')).map(([value, contentType]) => ({ text: JSON.stringify(value), contentType })) },
    { weight: 1, arbitrary: huge.map((text) => json({ ...example, [Object.keys(example)[0] ?? 'x']: text })) },
  );
}
