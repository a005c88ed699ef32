import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  exitAfterGrace,
  exitOnSignalWhileStarting,
  failStart,
  loadConfig,
  productionWarnings,
} from '../../../libs/config/src';
import { checkDatabase, waitForRedis } from '../../../libs/database/src/startup-checks';

/**
 * `node dist/apps/server/src/main.js`: every setting is checked, then Postgres and Redis are
 * reached within their bounded waits; each failure is one line on stderr and status 1 (issue 20).
 * The app's modules are loaded only then (seconds of `require`), and SIGTERM ends a start that is
 * still waiting.
 */
async function main() {
  const starting = exitOnSignalWhileStarting('motcua');
  const config = loadConfig();
  await checkDatabase();
  await waitForRedis();
  const { createApp } = require('./app.factory') as typeof import('./app.factory');
  const { seedDemo } = require('./seed/demo.seed') as typeof import('./seed/demo.seed');
  const { seedDemoDossiers } = require('./seed/demo-dossiers.seed') as typeof import('./seed/demo-dossiers.seed');
  const app = await createApp();
  for (const warning of productionWarnings()) new Logger('Secrets').warn(warning);
  await seedDemo(app);
  // Demo dossiers only for a real start: test servers seed the province without them.
  await seedDemoDossiers(app);
  await app.listen(config.PORT);
  // From here on the app's shutdown hooks close it gracefully, within SHUTDOWN_GRACE_MS.
  starting();
  exitAfterGrace('motcua', config.SHUTDOWN_GRACE_MS);
  new Logger('motcua').log(
    `Listening on http://localhost:${config.PORT} (API docs: /api/docs); public address ${config.PUBLIC_URL}`,
  );
}

main().catch((error) => failStart(error));
