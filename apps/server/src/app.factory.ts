import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { AppErrorFilter, TextParamsPipe } from '../../../libs/common/src';
import {
  createAppLogger,
  httpMetrics,
  MetricsRegistry,
  PinoNestLogger,
  requestLogging,
} from '../../../libs/observability/src';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi/openapi.document';
import { refuseHostileJson } from './body-depth.guard';
import { applyHttpSecurity } from './http-security';
import { rejectNulCharacters } from './input-guards';
import { trustProxySetting } from './trust-proxy';
import { compressJson, serveWebApp } from './web-app';
import { loadConfig, setting, settingAtLoad } from '../../../libs/config/src';

/** Body size limit for JSON and BPMN uploads (`BODY_LIMIT`). */
export const BODY_LIMIT = settingAtLoad('BODY_LIMIT');

export interface CreateAppOptions {
  /** `false`: no logs at all (most tests). */
  logger?: false | undefined;
  /** Where the JSON log lines go (default stdout); tests capture them here. */
  logDestination?: DestinationStream;
}

/** Builds the HTTP app exactly as production runs it (tests use this too). */
export async function createApp(options: CreateAppOptions = {}): Promise<INestApplication> {
  // Read before any module connects to Postgres or Redis: a bad value stops the start cleanly.
  loadConfig();
  const trustProxy = trustProxySetting(setting('TRUST_PROXY'));
  const logger = createAppLogger({
    level: options.logger === false ? 'silent' : undefined,
    destination: options.logDestination,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  // req.ip (rate-limit keys, audit entries) is the client's address as the trusted proxies report it.
  app.set('trust proxy', trustProxy);
  app.use(requestLogging(logger));
  app.use(httpMetrics(app.get(MetricsRegistry).registry));
  configureApp(app);
  await app.init();
  return app;
}

export function configureApp(app: NestExpressApplication): void {
  app.enableShutdownHooks();
  applyHttpSecurity(app);
  // JSON answers of 1 KB or more go out compressed (brotli or gzip); the web app's files are precompressed.
  app.use(compressJson());
  app.use(express.json({ limit: BODY_LIMIT, verify: refuseHostileJson }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  // BPMN is deployed as a raw XML body (DESIGN §6).
  app.use(express.text({ type: ['text/xml', 'application/xml', 'application/bpmn+xml'], limit: BODY_LIMIT }));
  app.use(rejectNulCharacters());
  app.useGlobalFilters(new AppErrorFilter());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, transform: true, forbidUnknownValues: false }),
    new TextParamsPipe(),
  );

  // The same document as docs/openapi.json (npm run api:generate).
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app));

  serveBuiltWebApp(app);
}

/** Serves the built React app at `/` (apps/web/dist), precompressed and with cache headers (web-app.ts). */
function serveBuiltWebApp(app: NestExpressApplication): void {
  const dist = join(__dirname, '..', '..', '..', '..', 'apps', 'web', 'dist');
  const root = existsSync(dist) ? dist : join(process.cwd(), 'apps', 'web', 'dist');
  if (!existsSync(join(root, 'index.html'))) return;
  serveWebApp(app.getHttpAdapter().getInstance() as express.Express, root);
}
