import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';
import { loggedUrl, REDACT_PATHS, scrubText } from './redaction';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { settingAtLoad } from '../../config/src';

export interface LogOptions {
  /** `silent` turns logging off (tests); default `LOG_LEVEL` or `info`. */
  level?: string;
  /** Where JSON lines go; default stdout. */
  destination?: DestinationStream;
}

const requestContext = new AsyncLocalStorage<{ reqId: string }>();

/** One JSON logger per process: redacted paths, scrubbed messages, the request id of the current request. */
export function createAppLogger(options: LogOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? settingAtLoad('LOG_LEVEL'),
      base: { service: 'motcua', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      mixin: () => {
        const context = requestContext.getStore();
        return context ? { reqId: context.reqId } : {};
      },
      serializers: { err: serializeError },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    options.destination,
  );
}

function serializeError(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error);
  return {
    ...serialized,
    message: scrubText(String(serialized.message ?? '')),
    stack: serialized.stack ? scrubText(serialized.stack) : undefined,
  };
}

/** Paths answered without a log line (probes and scrapes). */
const UNLOGGED = new Set(['/health/live', '/metrics']);

/**
 * Express middleware: a request id per request (`X-Request-Id` honoured or generated, echoed in
 * the response), one JSON line per response with method, path (no query), route, status and time.
 * Nest log lines written while the request runs carry the same `reqId`. No child logger per
 * request (pino-http made one, redaction included, even when the level logged nothing: 14 % of
 * the CPU of `/health`); the line is built only when its level is enabled.
 */
export function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    (req as Request & { id: string }).id = id;
    res.setHeader('X-Request-Id', id);
    if (!UNLOGGED.has(req.url)) {
      const started = performance.now();
      res.once('close', () => logResponse(logger, req, res, id, performance.now() - started));
    }
    requestContext.run({ reqId: id }, next);
  };
}

function logResponse(logger: Logger, req: Request, res: Response, id: string, ms: number): void {
  const level = res.statusCode >= 500 || !res.writableFinished ? 'error' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const url = loggedUrl(req.originalUrl ?? req.url);
  const message = res.writableFinished ? `${req.method} ${url} ${res.statusCode}` : `${req.method} ${url} aborted`;
  logger[level](
    {
      req: { id, method: req.method, url },
      res: { statusCode: res.statusCode },
      route: routeOf(req),
      responseTime: Math.round(ms),
    },
    message,
  );
}

/** The matched route pattern (`/api/tasks/:id/claim`), or `unmatched`: a bounded label for logs and metrics. */
export function routeOf(req: Request): string {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched'; // the web app's catch-all is a RegExp
}

/** Nest's logger on top of pino, so framework and module logs are JSON lines too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string) {
    const ctx = context ?? (stackOrContext && !stackOrContext.includes('\n') ? stackOrContext : undefined);
    const stack = stackOrContext?.includes('\n') ? stackOrContext : undefined;
    this.write('error', message, ctx, stack);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string) {
    this.write('fatal', message, context);
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    context?: string,
    stack?: string,
  ) {
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = scrubText(stack);
    if (message instanceof Error) return this.logger[level]({ ...fields, err: message }, message.message);
    if (typeof message === 'object' && message !== null) return this.logger[level]({ ...fields, data: message });
    this.logger[level](fields, String(message));
  }
}
