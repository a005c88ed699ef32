import type { NextFunction, Request, Response } from 'express';
import { EventEmitter } from 'node:events';
import { createAppLogger, requestLogging } from './logger';

function exchange(url: string, headers: Record<string, string> = {}) {
  const req = {
    method: 'GET',
    url,
    originalUrl: url,
    headers,
    route: { path: '/api/things/:id' },
    baseUrl: '',
  } as unknown as Request;
  const res = Object.assign(new EventEmitter(), {
    statusCode: 200,
    writableFinished: true,
    headers: {} as Record<string, string>,
  });
  (res as unknown as { setHeader: (k: string, v: string) => void }).setHeader = (k, v) => void (res.headers[k] = v);
  return { req, res, response: res as unknown as Response };
}

function logged(level: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = createAppLogger({
    level,
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { lines, middleware: requestLogging(logger) };
}

describe('requestLogging', () => {
  it('writes one line per response with the request id, the path without its query, route, status and time', () => {
    const { lines, middleware } = logged('info');
    const { req, res, response } = exchange('/api/things/7?key=ABC123&q=0912345678', { 'x-request-id': 'probe-1' });
    const next = jest.fn() as NextFunction;
    middleware(req, response, next);
    res.emit('close');
    expect(next).toHaveBeenCalled();
    expect(res.headers['X-Request-Id']).toBe('probe-1');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        req: { id: 'probe-1', method: 'GET', url: '/api/things/7' },
        res: { statusCode: 200 },
        route: '/api/things/:id',
        msg: 'GET /api/things/7 200',
      }),
    ]);
    expect(typeof lines[0].responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/ABC123|0912345678/);
  });

  it('gives a generated id to a request without a usable one', () => {
    const { lines, middleware } = logged('info');
    const { req, res, response } = exchange('/x', { 'x-request-id': 'bad id with spaces' });
    middleware(req, response, jest.fn());
    res.emit('close');
    expect(lines[0].req).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('above info, logs only server errors and aborted requests', () => {
    const { lines, middleware } = logged('warn');
    for (const [status, finished] of [
      [200, true],
      [404, true],
      [500, true],
      [200, false],
    ] as const) {
      const { req, res, response } = exchange('/api/x');
      Object.assign(res, { statusCode: status, writableFinished: finished });
      middleware(req, response, jest.fn());
      res.emit('close');
    }
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [50, 'GET /api/x 500'],
      [50, 'GET /api/x aborted'],
    ]);
  });

  it('does not log probes and scrapes', () => {
    const { lines, middleware } = logged('info');
    for (const url of ['/health/live', '/metrics']) {
      const { req, res, response } = exchange(url);
      middleware(req, response, jest.fn());
      res.emit('close');
    }
    expect(lines).toEqual([]);
  });
});
