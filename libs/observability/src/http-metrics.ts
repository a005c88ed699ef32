import type { NextFunction, Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { routeOf } from './logger';

/** HTTP latency by method, route pattern and status class: bounded labels, never raw URLs. */
export function httpMetrics(registry: Registry) {
  const duration = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const stop = duration.startTimer();
    res.on('finish', () => {
      stop({ method: req.method, route: routeLabel(req), status: String(res.statusCode) });
    });
    next();
  };
}

/** The route pattern; unmatched paths are `static` (the web app's files and pages) or `unmatched` (under /api). */
function routeLabel(req: Request): string {
  const route = routeOf(req);
  if (route !== 'unmatched') return route;
  return req.path.startsWith('/api') ? 'unmatched' : 'static';
}
