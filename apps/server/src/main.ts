import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitOnSignalWhileStarting, failStart, loadConfig, productionWarnings } from '../../../libs/config/src';
import { checkDatabase, waitForRedis } from '../../../libs/database/src';
import { createApp } from './app.factory';
import { seedDemoDossiers } from './seed/demo-dossiers.seed';
import { seedDemo } from './seed/demo.seed';

/**
 * `node dist/apps/server/src/main.js`: every setting is checked, then Postgres and Redis are
 * reached within their bounded waits; each failure is one line on stderr and status 1 (issue 20).
 * SIGTERM ends a start that is still waiting.
 */
async function main() {
  const starting = exitOnSignalWhileStarting('motcua');
  const config = loadConfig();
  await checkDatabase();
  await waitForRedis();
  const app = await createApp();
  for (const warning of productionWarnings(process.env)) new Logger('Secrets').warn(warning);
  await seedDemo(app);
  // Demo dossiers only for a real start: test servers seed the province without them.
  await seedDemoDossiers(app);
  await app.listen(config.PORT);
  starting(); // from here on, the app's shutdown hooks close it gracefully
  new Logger('motcua').log(`Listening on http://localhost:${config.PORT} (API docs: /api/docs); public address ${config.PUBLIC_URL}`);
}

main().catch((error) => failStart(error));
