// ESLint for the whole repository (docs/style.md, "Formatter and linter"). A small rule set on purpose:
// every rule here catches a defect, not a taste; layout belongs to Prettier (.prettierrc), types to tsc.
// Dependency direction between apps and libs is checked by its own test, not here.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const root = import.meta.dirname;

export default tseslint.config(
  {
    // Built output, installed code, generated files and data: nothing a person edits.
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'bench/out/**',
      'test-results/**',
      'data/**',
      'apps/web/src/api/schema.gen.ts',
    ],
  },
  {
    linterOptions: {
      // A directive that silences nothing is a stale excuse: it must go.
      reportUnusedDisableDirectives: 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // `==` coerces; `== null` (null or undefined) is the one idiom kept.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Always-true or always-false conditions (`a ?? b === c`, `!x instanceof Y`, `x === []`).
      'no-constant-binary-expression': 'error',
      'no-self-compare': 'error',
      'no-self-assign': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-unsafe-finally': 'error',
      'no-cond-assign': 'error',
      'no-async-promise-executor': 'error',
      'no-debugger': 'error',
      'use-isnan': 'error',
      // The root tsconfig has no noUnusedLocals (the web app's has): dead code is found here instead.
      // `_name` marks a parameter kept for its position; catch bindings may stay unnamed-but-present.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
      // An `any` switches type checking off downstream; the few declaration shims say so where they use it.
      '@typescript-eslint/no-explicit-any': 'error',
      // `require()` skips the module's types; the few needed (CommonJS-only packages) say why.
      '@typescript-eslint/no-require-imports': 'error',
      // The services log through pino (libs/observability); a stray console.log is debugging left behind.
      'no-console': 'error',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error (an unhandled rejection kills the
    // process) and its ordering. About 40 s for the whole tree on two cores.
    files: ['**/*.{ts,tsx}'],
    ignores: ['apps/web/vite.config.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // react-router's navigate() returns a promise only for its data routers, which the app does not use.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'react-router', name: 'NavigateFunction' }] },
      ],
      '@typescript-eslint/await-thenable': 'error',
      // `if (promise)` and `...promise` are defects. A promise-returning callback where void is expected
      // (an async onClick, setInterval(async …)) is the ordinary React and Node idiom here; the
      // callbacks catch their own errors, so checksVoidReturn would only add noise.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The entry points load the application modules with a typed, lazy require() only once the settings,
    // database and Redis are known good (seconds of loading saved on a failing start).
    files: ['apps/server/src/main.ts', 'apps/worker/src/main.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read JSON answers as supertest gives them (`any`); the assertions check what types would.
    files: ['test/**', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Command-line programs: their console output is the product.
    files: [
      'scripts/**',
      'bench/**',
      'test/**',
      'libs/database/src/migrate.ts',
      'apps/server/src/openapi/generate.ts',
      'libs/config/src/operations-table.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // CommonJS files (no "type" in the root package.json): require() is how they import.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
