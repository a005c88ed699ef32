import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { ConfigError, setting } from '../../../libs/config/src';

/**
 * Content Security Policy for the web app, the bpmn-js modeler and the kiosk camera: scripts only
 * from this origin; inline styles (Ant Design's CSS-in-JS, bpmn-js); images from data:/blob: (SVG
 * export, QR codes); camera streams and decoders on blob:. No framing by other sites.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    mediaSrc: ["'self'", 'blob:'],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    frameSrc: ["'self'", 'blob:'],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    scriptSrcAttr: ["'none'"],
  },
};

/** The kiosk may use the camera (QR on the receipt); nothing else may reach devices. */
const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()';

/** Security headers (helmet) and CORS from `CORS_ORIGINS` (comma-separated; unset = same origin only). */
export function applyHttpSecurity(app: NestExpressApplication, env: NodeJS.ProcessEnv = process.env): void {
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false }));
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  });
  const origins = corsOrigins(setting('CORS_ORIGINS', env));
  if (origins.length) {
    app.enableCors({
      origin: origins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Idempotency-Key'],
      exposedHeaders: ['X-Request-Id', 'Content-Disposition', 'Idempotency-Replayed'],
      maxAge: 600,
    });
  }
}

/** `https://a.gov.vn, https://b.gov.vn` → exact origins; anything that is not an http(s) origin is refused at start. */
export function corsOrigins(value: string | undefined): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(`CORS_ORIGINS: "${origin}" is not an origin (https://host[:port])`);
    }
    if (
      !/^https?:$/.test(parsed.protocol) ||
      !/^[a-z0-9.-]+$/i.test(parsed.hostname) ||
      parsed.origin !== origin.replace(/\/$/, '')
    ) {
      throw new ConfigError(`CORS_ORIGINS: "${origin}" is not an origin (https://host[:port], no path)`);
    }
  }
  return origins.map((origin) => origin.replace(/\/$/, ''));
}
