import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// DESIGN §1 / STYLE rule 1: libs/engine and libs/calendar import nothing from the framework or
// the database, and nothing from outside their own folder that could pull those in.
const FORBIDDEN = /^(@nestjs\/|typeorm|bullmq|ioredis|pg$|pg\/|redis$|express)/;
const root = resolve(__dirname, '..', '..');
/** Pure libs a pure lib may import (one way only: libs/calendar imports no other lib). */
const PURE_BELOW: Record<string, string[]> = {
  'libs/engine': ['libs/calendar'],
  'libs/decisions': ['libs/engine', 'libs/calendar'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)];
  return specifiers.map((match) => match[1]);
}

describe.each(['libs/engine', 'libs/calendar', 'libs/decisions'])('%s stays pure', (lib) => {
  const libDir = join(root, lib);

  it('imports no framework, queue or database package', () => {
    // given every source file of the library
    const files = sourceFiles(join(libDir, 'src'));
    // when we collect its imports
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => FORBIDDEN.test(spec))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    // then there are none
    expect(files.length).toBeGreaterThan(0);
    expect(offending).toEqual([]);
  });

  it('imports nothing from outside its own folder but the pure libs below it', () => {
    // The engine reads durations with libs/calendar's grammar (issue 17), itself checked here.
    const allowed = [libDir, ...(PURE_BELOW[lib] ?? []).map((below) => join(root, below))];
    const files = sourceFiles(join(libDir, 'src'));
    const escaping = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .filter((spec) => !allowed.some((dir) => resolve(dirname(file), spec).startsWith(dir + '/')))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(escaping).toEqual([]);
  });
});

describe('the purity check itself', () => {
  it('recognises a forbidden import', () => {
    expect(FORBIDDEN.test('@nestjs/common')).toBe(true);
    expect(FORBIDDEN.test('typeorm')).toBe(true);
    expect(FORBIDDEN.test('pg')).toBe(true);
    expect(FORBIDDEN.test('feelin')).toBe(false);
    expect(FORBIDDEN.test('date-holidays')).toBe(false);
  });
});
