import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { setting } from '../../../libs/config/src';
import { redisOptions } from '../../../libs/database/src';
import { MetricsRegistry } from '../../../libs/observability/src';

type Check = 'up' | 'down';

async function check(probe: () => Promise<unknown>): Promise<Check> {
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
    ]);
    return 'up';
  } catch {
    return 'down';
  }
}

function tokenAccepted(header: string | undefined): boolean {
  const expected = setting('METRICS_TOKEN');
  if (!expected) return true;
  const given = Buffer.from(header ?? '');
  const wanted = Buffer.from(`Bearer ${expected}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/**
 * The standalone worker's probes on their own port (issue 20): `/health` and `/health/ready`
 * (Postgres and Redis answer within a second; 503 otherwise), `/health/live`, and `/metrics`
 * (Prometheus: the process's metrics and the job gauges; `METRICS_TOKEN` as on the servers).
 * A plain HTTP listener, not Nest's: the worker must not serve the API its modules declare.
 */
export async function serveWorkerProbes(app: INestApplicationContext, port: number): Promise<Server> {
  const dataSource = app.get(DataSource);
  const metrics = app.get(MetricsRegistry).registry;
  const redis = new Redis({ ...redisOptions(), lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined); // reported by the probe
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return json(res, 405, { code: 'METHOD_NOT_ALLOWED', message: 'Only GET' });
    if (path === '/health/live') return json(res, 200, { status: 'ok' });
    if (path === '/health' || path === '/health/ready') {
      const [postgres, redisCheck] = await Promise.all([
        check(() => dataSource.query('SELECT 1')),
        check(async () => {
          if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
          return redis.ping();
        }),
      ]);
      const ok = postgres === 'up' && redisCheck === 'up';
      return json(res, ok ? 200 : 503, {
        status: ok ? 'ok' : 'unavailable',
        role: 'worker',
        checks: { postgres, redis: redisCheck },
      });
    }
    if (path === '/metrics') {
      if (!tokenAccepted(req.headers.authorization))
        return json(res, 401, { code: 'METRICS_TOKEN_INVALID', message: 'Send Authorization: Bearer <METRICS_TOKEN>' });
      res.writeHead(200, { 'content-type': metrics.contentType }).end(await metrics.metrics());
      return;
    }
    json(res, 404, { code: 'NOT_FOUND', message: 'The worker serves /health, /health/live and /metrics only' });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => json(res, 500, { code: 'INTERNAL', message: 'probe failed' }));
  });
  server.on('close', () => redis.disconnect());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  // The worker's lifetime is its queues': the probes never keep a stopping process alive.
  server.unref();
  return server;
}
