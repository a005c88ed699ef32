// Runs ESLint and Prettier through their Node APIs on given snippets, for test/unit/lint.spec.ts: both
// load their configuration with import(), which jest's CommonJS sandbox cannot do, so the spec runs
// this file in its own Node process. Reads { eslint: [{ filePath, code }], prettier: [{ filePath, code }] }
// and { ignored: [filePath] } on stdin; writes { eslint: [[ruleId or 'directive: message', …]],
// prettier: [formatted already?], ignored: [left out by .prettierignore?] } on stdout.
import { ESLint } from 'eslint';
import * as prettier from 'prettier';

const input = JSON.parse(
  await new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
  }),
);

// The repository's own eslint.config.mjs; the one addition lets a snippet that exists on no disk be
// type-checked in TypeScript's default project (typescript-eslint needs a real file otherwise).
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    files: ['**/__planted__/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['apps/*/src/__planted__/*.{ts,tsx}', 'libs/*/src/__planted__/*.{ts,tsx}'],
        },
      },
    },
  },
});
const eslintResults = [];
for (const { filePath, code } of input.eslint ?? []) {
  const [result] = await eslint.lintText(code, { filePath });
  eslintResults.push(result.messages.map((m) => m.ruleId ?? `directive: ${m.message}`));
}
const prettierResults = [];
for (const { filePath, code } of input.prettier ?? []) {
  const options = await prettier.resolveConfig(filePath);
  prettierResults.push(await prettier.check(code, { ...options, filepath: filePath }));
}
const ignored = [];
for (const filePath of input.ignored ?? []) {
  ignored.push((await prettier.getFileInfo(filePath, { ignorePath: '.prettierignore' })).ignored);
}
process.stdout.write(JSON.stringify({ eslint: eslintResults, prettier: prettierResults, ignored }));
