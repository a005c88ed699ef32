import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The linters in CI (`npm run lint` in `npm test`) are only worth their run time if they catch what
// they are configured for. Each planted snippet below is linted with the repository's own
// eslint.config.mjs and .prettierrc; its corrected twin must pass, so a rule that flags everything
// (or a snippet that fails to parse) cannot make the test pass. The whole tree's 0 errors is
// `npm run lint`'s job, not this spec's (about a minute on two cores).

const root = join(__dirname, '..', '..');

interface Answer {
  eslint: string[][];
  prettier: boolean[];
  ignored: boolean[];
}

function runLinters(input: {
  eslint?: { filePath: string; code: string }[];
  prettier?: { filePath: string; code: string }[];
  ignored?: string[];
}): Answer {
  // Its own process: ESLint and Prettier load their configuration with import(), which jest's sandbox cannot.
  const run = spawnSync(process.execPath, [join(root, 'test', 'support', 'lint-runner.mjs')], {
    cwd: root,
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`lint-runner exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Answer;
}

const serverDefects = `
async function save(): Promise<void> {}
export async function check(count: number, text: string): Promise<boolean> {
  save();
  if (save()) console.log(count);
  const unused = 1;
  await count;
  return count == Number(text);
}
`;
const serverClean = `
async function save(): Promise<void> {}
export async function check(count: number, text: string): Promise<boolean> {
  await save();
  return count === Number(text);
}
`;
const webDefects = `
import { useEffect, useState } from 'react';
export function Counter({ shown, step }: { shown: boolean; step: number }) {
  if (!shown) return null;
  const [count, setCount] = useState(0);
  useEffect(() => setCount(count + step), [count]);
  return <span>{count}</span>;
}
`;
const webClean = `
import { useEffect, useState } from 'react';
export function Counter({ shown, step }: { shown: boolean; step: number }) {
  const [count, setCount] = useState(0);
  useEffect(() => setCount((value) => value + step), [step]);
  return shown ? <span>{count}</span> : null;
}
`;
const staleDirective = `
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const count: number = 1;
`;

describe('linters (eslint.config.mjs, .prettierrc)', () => {
  let answer: Answer;

  beforeAll(() => {
    // given planted defects in a library, in the web app, and their corrected twins
    answer = runLinters({
      eslint: [
        { filePath: 'libs/engine/src/__planted__/defects.ts', code: serverDefects },
        { filePath: 'libs/engine/src/__planted__/clean.ts', code: serverClean },
        { filePath: 'apps/web/src/__planted__/defects.tsx', code: webDefects },
        { filePath: 'apps/web/src/__planted__/clean.tsx', code: webClean },
        { filePath: 'libs/engine/src/__planted__/directive.ts', code: staleDirective },
      ],
      prettier: [
        { filePath: 'libs/engine/src/planted.ts', code: 'const label = "Hồ sơ"\nexport default {label: label,}\n' },
        { filePath: 'libs/engine/src/planted.ts', code: "const label = 'Hồ sơ';\nexport default { label: label };\n" },
      ],
      ignored: ['apps/web/src/api/schema.gen.ts', 'docs/operations.md', 'libs/engine/src/planted.ts'],
    });
  }, 300_000);

  it('flags a floating promise, a promise as a condition, awaiting a number, ==, console and dead code in a library', () => {
    // when linted / then
    expect(answer.eslint[0]).toEqual(
      expect.arrayContaining([
        '@typescript-eslint/no-floating-promises',
        '@typescript-eslint/no-misused-promises',
        '@typescript-eslint/await-thenable',
        'eqeqeq',
        'no-console',
        '@typescript-eslint/no-unused-vars',
      ]),
    );
    expect(answer.eslint[1]).toEqual([]);
  });

  it('flags a conditional hook and a missing effect dependency in the web app', () => {
    expect(answer.eslint[2]).toEqual(
      expect.arrayContaining(['react-hooks/rules-of-hooks', 'react-hooks/exhaustive-deps']),
    );
    expect(answer.eslint[3]).toEqual([]);
  });

  it('flags an eslint-disable directive that silences nothing', () => {
    expect(answer.eslint[4]).toEqual([expect.stringMatching(/^directive: Unused eslint-disable directive/)]);
  });

  it('Prettier rejects double quotes, a missing semicolon and a cramped object, and accepts the house style', () => {
    expect(answer.prettier).toEqual([false, true]);
  });

  it('Prettier leaves generated files and Markdown alone, and formats the code', () => {
    expect(answer.ignored).toEqual([true, true, false]);
  });
});
