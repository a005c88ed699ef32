// `npm run test:chaos`: the chaos suite runs the BUILT app (dist/) as separate OS processes on its
// own Postgres cluster and redis-server, so it is kept out of the shared projects in jest.config.js.
const shared = require('../../jest.config.js');

module.exports = {
  ...shared.projects[1],
  rootDir: '../..',
  displayName: 'chaos',
  testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'],
  globalSetup: undefined,
  testTimeout: 900000,
  reporters: shared.reporters,
};
