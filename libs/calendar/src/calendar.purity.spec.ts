import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// STYLE rule 1: the calendar has no clock or randomness of its own; callers pass instants in.
// (test/unit/pure-libs.spec.ts already forbids framework and database imports.)
const AMBIENT = /Date\.now\(|new Date\(\)|Math\.random\(|performance\.now\(/;

describe('libs/calendar reads no clock and draws no random numbers', () => {
  it('has no Date.now(), new Date(), Math.random() or performance.now() in its source', () => {
    // given every non-test source file
    const files = readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));
    // when
    const offending = files.filter((name) => AMBIENT.test(readFileSync(join(__dirname, name), 'utf8')));
    // then
    expect(files.length).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });

  it('recognises ambient time when it is there', () => {
    expect(AMBIENT.test('const now = new Date();')).toBe(true);
    expect(AMBIENT.test('new Date(epochMs)')).toBe(false);
  });
});
