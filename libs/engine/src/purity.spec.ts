import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const FORBIDDEN =
  /from\s+['"](@nestjs\/[^'"]*|typeorm|bullmq|ioredis|pg)(\/[^'"]*)?['"]|require\(\s*['"](@nestjs\/|typeorm|bullmq|ioredis|pg)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('libs/engine stays pure (STYLE rule 1)', () => {
  it('imports no framework, database or queue package', () => {
    // given
    const files = sourceFiles(__dirname);

    // when
    const offenders = files
      .filter((file) => file !== __filename && FORBIDDEN.test(readFileSync(file, 'utf8')))
      .map((file) => relative(__dirname, file));

    // then
    expect(files.length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });

  it('the check itself catches such an import', () => {
    // given: samples built at run time, so this file does not itself look like such an import
    const importing = (specifier: string) => `import { x } from '${specifier}';`;

    // when / then
    expect(FORBIDDEN.test(importing('@nestjs/common'))).toBe(true);
    expect(FORBIDDEN.test(importing('pg'))).toBe(true);
    expect(FORBIDDEN.test(importing('bullmq'))).toBe(true);
    expect(FORBIDDEN.test(importing('typeorm/browser'))).toBe(true);
    expect(FORBIDDEN.test(importing('feelin'))).toBe(false);
    expect(FORBIDDEN.test(importing('pgp-utils'))).toBe(false);
  });

  it('uses no eval, new Function, Math.random or Date.now', () => {
    // given
    const files = sourceFiles(__dirname).filter((file) => !file.endsWith('.spec.ts') && !file.includes('__tests__'));

    // when
    const offenders = files.filter((file) =>
      /\beval\(|new Function\(|Math\.random\(|Date\.now\(|new Date\(\)/.test(readFileSync(file, 'utf8')),
    );

    // then
    expect(offenders).toEqual([]);
  });
});
