import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { configureApp } from '../../apps/server/src/app.factory';
import { AppModule } from '../../apps/server/src/app.module';
import { seedDemo } from '../../apps/server/src/seed/demo.seed';
import { CLOCK, type Clock } from '../../libs/common/src';
import { useTestEnvironment } from '../support/test-env';
import type { TestServer } from '../support/test-app';

/** A clock the test moves by hand; the whole server (codes, appointments, due times, tokens) reads it. */
export class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The real server (migrations, demo seed, workers off) with `CLOCK` replaced by `clock`. */
export async function startServerWithClock(clock: FakeClock): Promise<TestServer & { app: INestApplication }> {
  useTestEnvironment();
  process.env.QUEUE_PREFIX = `test-dossiers-${process.pid}`;
  process.env.RUN_WORKERS = 'false';
  // The fake clock jumps months ahead; tokens signed at its start must outlive the jumps.
  process.env.JWT_TTL = '3650d';
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app);
  await app.init();
  await seedDemo(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
