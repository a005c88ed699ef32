import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JOBS_QUEUE } from '../../../libs/workflow/src';
import { WorkerModule } from './worker.module';

/** `npm run start:worker`: BullMQ processors and the job reconciler only, as many processes as needed. */
async function main() {
  // This process exists to run workers, whatever the server's RUN_WORKERS says.
  process.env.RUN_WORKERS = 'true';
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.init();
  new Logger('motcua-worker').log(`Processing queue "${JOBS_QUEUE}" (prefix "${process.env.QUEUE_PREFIX ?? 'motcua'}")`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
