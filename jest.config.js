// Three tiers (docs/style.md rule 11): pure unit specs next to the code, e2e over HTTP against the
// real Postgres and Redis, and browser tests in real Chromium.
const esmOnly = [
  '@nestjs',
  'bpmn-moddle',
  'dmn-moddle',
  'moddle',
  'moddle-xml',
  'min-dash',
  'saxen',
  'camunda-bpmn-moddle',
  'zeebe-bpmn-moddle',
  'feelin',
  'lezer-feel',
  '@lezer',
  'luxon',
  'min-dom',
  'temporal-polyfill',
  'temporal-utils',
];
const base = {
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { swcrc: true }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json', 'mjs', 'cjs'],
  // The web app is ESM ("type": "module"): its imports of libs/ name the `.js` that TypeScript maps to the `.ts`.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
module.exports = {
  // Global, not per project: servers, browsers and fifty-user scenarios need more than 5 s.
  testTimeout: 120000,
  // The default output, and one file of counts for the closing line of `npm test` (CI reads it).
  reporters: ['default', '<rootDir>/test/support/totals.reporter.js'],
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/unit/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
      ],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/fuzz/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      testTimeout: 60000,
    },
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      testTimeout: 120000,
    },
  ],
};
