import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { createApp } from '../../apps/server/src/app.factory';
import { seedDemo } from '../../apps/server/src/seed/demo.seed';
import { useTestEnvironment } from './test-env';

export interface TestServer {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the real server (real Postgres, Redis, migrations, demo seed) on a random port.
 * Each server gets its own BullMQ prefix so suites do not pick up each other's jobs.
 */
export async function startTestServer(
  options: { queuePrefix?: string; runWorkers?: boolean; logDestination?: DestinationStream } = {},
): Promise<TestServer> {
  useTestEnvironment();
  process.env.QUEUE_PREFIX = options.queuePrefix ?? `test-${randomUUID().slice(0, 8)}`;
  process.env.RUN_WORKERS = options.runWorkers === false ? 'false' : 'true';
  // Every request of a suite comes from 127.0.0.1: each suite file (jest gives each its own copy of
  // the env; not set in the global setup, whose env all files inherit) counts its own rate limits
  // and failed logins, so one suite's wrong passwords cannot throttle the next suite's logins.
  process.env.THROTTLE_PREFIX ??= `test-${randomUUID().slice(0, 8)}`;
  const app = await createApp(options.logDestination ? { logDestination: options.logDestination } : { logger: false });
  await seedDemo(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
