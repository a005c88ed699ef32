import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// Issue 17 item 2: one duration grammar (libs/calendar/src/step-duration.grammar.ts) and one
// Vietnam-time helper (libs/calendar/src/vietnam-time.ts). Any other copy of the offset or of a
// duration regex in the source of the libs and apps fails here; use the helpers instead.
const root = resolve(__dirname, '..', '..');
const SCANNED = ['libs', 'apps/server/src', 'apps/worker/src', 'apps/web/src', 'migrations'];
const VIETNAM_TIME = 'libs/calendar/src/vietnam-time.ts';
const DURATION_GRAMMAR = 'libs/calendar/src/step-duration.grammar.ts';

/** Ways the +7 h offset has been (re)written: arithmetic, the zone's name, SQL, an offset glued to a date. */
export const OFFSET_COPIES: readonly RegExp[] = [
  /\b7\s*\*\s*(?:3_?600_?000|60\s*\*\s*60|MS_PER_HOUR|HOUR_MS|HOUR)\b/,
  /\b25_?200_?000\b/,
  /Ho_Chi_Minh/,
  /AT\s+TIME\s+ZONE/i,
  /interval\s*'\s*\+?\s*7\s*hours?\s*'/i,
  /getUTCHours\(\)\s*\+\s*7\b/,
  /['"`][+-]07:?00['"`]/,
  /\}[^'"`\s]*[+-]07:?00`/,
];

/** Pieces of a duration regex: the short forms' units, an ISO duration's opening or its days-then-time step. */
export const DURATION_REGEX_COPIES: readonly RegExp[] = [
  /\[dhm\]/i,
  /\\s\*d\)/,
  /\^P\(/,
  /\^P\\d/,
  /\^P\[/,
  /D\)\?\(\?:T/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.(spec|e2e-spec|browser-spec)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The code of a file without its comments (block comments and whole-line `//` comments). */
export function codeOf(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
    .split('\n')
    .map((line) => (/^\s*\/\//.test(line) ? '' : line));
}

/** `file:line: text` for each line matching one of the patterns. */
export function copiesIn(file: string, text: string, patterns: readonly RegExp[]): string[] {
  return codeOf(text).flatMap((line, i) =>
    patterns.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
  );
}

const files = SCANNED.flatMap((dir) => sourceFiles(join(root, dir))).map((path) => relative(root, path));
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('one grammar of time', () => {
  it('writes the Vietnam offset only in libs/calendar/src/vietnam-time.ts', () => {
    // given every source file of the libs and apps but the helper
    const others = files.filter((file) => file !== VIETNAM_TIME);
    // when we look for the offset written out
    const copies = others.flatMap((file) => copiesIn(file, read(file), OFFSET_COPIES));
    // then there is none
    expect(others.length).toBeGreaterThan(300);
    expect(copies).toEqual([]);
  });

  it('has the duration regexes only in libs/calendar/src/step-duration.grammar.ts', () => {
    const others = files.filter((file) => file !== DURATION_GRAMMAR);
    const copies = others.flatMap((file) => copiesIn(file, read(file), DURATION_REGEX_COPIES));
    expect(copies).toEqual([]);
  });

  it('finds what it looks for in the helper and the grammar themselves', () => {
    // The patterns are not stale: the one copy of each is still found where it belongs.
    expect(copiesIn(VIETNAM_TIME, read(VIETNAM_TIME), OFFSET_COPIES).length).toBeGreaterThan(0);
    expect(copiesIn(DURATION_GRAMMAR, read(DURATION_GRAMMAR), DURATION_REGEX_COPIES).length).toBeGreaterThan(0);
  });
});

describe('the time-grammar check itself', () => {
  it.each([
    'const shift = (at: Date) => new Date(at.getTime() + 7 * 3_600_000);',
    'const VN = 7 * 60 * 60 * 1000;',
    'const VIETNAM_OFFSET_MS = 7 * MS_PER_HOUR;',
    "timeZone: 'Asia/Ho_Chi_Minh',",
    "`(${column} AT TIME ZONE INTERVAL '+07:00')::date`",
    "`${column} + interval '7 hours'`",
    'return new Date(`${value}T00:00:00+07:00`);',
    "const OFFSET = '+07:00';",
  ])('recognises a copy of the offset: %s', (line) => {
    expect(copiesIn('planted.ts', line, OFFSET_COPIES)).toHaveLength(1);
  });

  it.each([
    String.raw`const SHORT = /^(\d+(?:[.,]\d+)?)\s*([dhm])$/i;`,
    String.raw`const SHORT = /^(?:(\d+(?:[.,]\d+)?)\s*d)?\s*(?:(\d+(?:[.,]\d+)?)\s*h)?$/i;`,
    String.raw`const ISO = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+)H)?)?$/i;`,
    String.raw`const inDays = /^P\d+(?:[.,]\d+)?D$/i;`,
    String.raw`const match = /^P(?:([\d.]+)D)?(?:T([\d.]+)H)?$/.exec(text);`,
  ])('recognises a copy of a duration regex: %s', (line) => {
    expect(copiesIn('planted.ts', line, DURATION_REGEX_COPIES)).toHaveLength(1);
  });

  it('lets comments and concrete instants through', () => {
    const text = [
      '/** Vietnam is UTC+7 (Asia/Ho_Chi_Minh) all year: 7 * 3_600_000 ms. */',
      "// 7 * 60 * 60 * 1000, AT TIME ZONE 'Asia/Ho_Chi_Minh'",
      "@ApiPropertyOptional({ example: '2027-02-05T09:00:00+07:00' })",
      'const slot = 17 * 3_600_000;',
    ].join('\n');
    expect(copiesIn('ok.ts', text, OFFSET_COPIES)).toEqual([]);
  });
});
