import fc from 'fast-check';

/** Query parameters the list and report endpoints read, and a few they do not. */
const NAMES = [
  'limit',
  'offset',
  'q',
  'status',
  'unit',
  'from',
  'to',
  'year',
  'groupBy',
  'format',
  'key',
  'procedure',
  'assignee',
  'overdue',
  'unassigned',
  'sort',
  'kind',
  'half',
  'quarter',
  'duration',
  'subtree',
  'role',
  'active',
  'actor',
  'action',
  'subject',
  'version',
  'field',
  'published',
  'week',
  'weeks',
  'x',
];

const value = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1',
    '200',
    '201',
    '99999999999999999999',
    '1e9',
    'NaN',
    'true',
    'false',
    'me',
    'null',
    'csv',
    'xlsx',
    'pdf',
    'json',
    'unit',
    'field',
    'procedure',
    'late',
    '2026-02-30',
    '2026-01-01',
    '2025-12-31T23:59:59+07:00',
    '0000-00-00',
    '9999-12-31',
    '000.00.20.H15',
    '../',
    '%',
    '[]',
    '{}',
  ),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 300, max: 20_000 }).map((n) => 'ư'.repeat(n)),
);

/** A query string of up to five parameters, names sometimes repeated (`a=1&a=2` arrives as an array). */
export const queryString: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...NAMES), value), { minLength: 1, maxLength: 5 })
  .map((pairs) => pairs.map(([name, v]) => `${name}=${encodeURIComponent(v)}`).join('&'));

/** Every numeric paging and version parameter at the edges of the integer types, on every route. */
export const BOUNDARY_QUERIES: readonly string[] = ['limit', 'offset', 'version', 'year'].flatMap((name) =>
  ['-1', '0', '2147483647', '2147483648', '9007199254740993', '99999999999999999999', '1e3', '1.5'].map(
    (v) => `${name}=${v}`,
  ),
);
