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
 * `npm run start:worker`: BullMQ processors and the job reconciler only, as many processes as
 * needed; `/health` and `/metrics` on `WORKER_PORT`. The same settings as the servers, checked
 * the same way (issue 20): one line and status 1 for a bad value or an unreachable dependency.
 */
async function main() {
  const starting = exitOnSignalWhileStarting('motcua-worker');
  // This process exists to run workers, whatever the server's RUN_WORKERS says.
  process.env.RUN_WORKERS = 'true';
  const config = loadConfig();
  await checkDatabase();
  await waitForRedis();
  // The modules load only once the settings and dependencies are known good (seconds of `require`).
  const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
  const { createAppLogger, PinoNestLogger } =
    require('../../../libs/observability/src') as typeof import('../../../libs/observability/src');
  const { JOBS_QUEUE } = require('../../../libs/workflow/src') as typeof import('../../../libs/workflow/src');
  const { serveWorkerProbes } = require('./worker-probes') as typeof import('./worker-probes');
  const { WorkerModule } = require('./worker.module') as typeof import('./worker.module');
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoNestLogger(createAppLogger()),
  });
  for (const warning of productionWarnings()) new Logger('Secrets').warn(warning);
  app.enableShutdownHooks();
  await app.init();
  if (config.WORKER_PORT) await serveWorkerProbes(app, config.WORKER_PORT);
  starting();
  exitAfterGrace('motcua-worker', config.SHUTDOWN_GRACE_MS);
  const probes = config.WORKER_PORT ? `; /health and /metrics on port ${config.WORKER_PORT}` : '';
  new Logger('motcua-worker').log(`Processing queue "${JOBS_QUEUE}" (prefix "${config.QUEUE_PREFIX}")${probes}`);
}

main().catch((error) => failStart(error));
