import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createAppLogger, PinoNestLogger } from '../../../libs/observability/src';
import { JOBS_QUEUE } from '../../../libs/workflow/src';
import { assertSecrets } from '../../server/src/required-secrets';
import { WorkerModule } from './worker.module';

/** `npm run start:worker`: BullMQ processors and the job reconciler only, as many processes as needed. */
async function main() {
  // The same environment as the servers: the same secrets, refused the same way in production.
  assertSecrets(process.env, (message) => new Logger('Secrets').warn(message));
  // This process exists to run workers, whatever the server's RUN_WORKERS says.
  process.env.RUN_WORKERS = 'true';
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: new PinoNestLogger(createAppLogger()) });
  app.enableShutdownHooks();
  await app.init();
  new Logger('motcua-worker').log(`Processing queue "${JOBS_QUEUE}" (prefix "${process.env.QUEUE_PREFIX ?? 'motcua'}")`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
