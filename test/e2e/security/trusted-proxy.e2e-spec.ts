import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from '../../support/test-app';

/**
 * A reverse proxy as nginx is usually set up: forwards to the app and appends the address of the
 * client it saw to `X-Forwarded-For`.
 */
async function startProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const proxy: Server = createServer((req, res) => {
    const seen = req.socket.remoteAddress ?? '';
    const forwardedFor = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${seen}` : seen;
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwardedFor },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => proxy.close(() => resolve())),
  };
}

/** One public lookup sent from `clientAddress` (a loopback address of its own) through the proxy. */
function lookupFrom(proxyUrl: string, clientAddress: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${proxyUrl}/api/public/dossiers/HS-KHONG-CO?key=x`,
      { localAddress: clientAddress, headers },
      (res: IncomingMessage) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The lookup limit is 30 a minute: the 31st answer from one client is 429. */
async function exhaustLimit(proxyUrl: string, clientAddress: string, spoof = false): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++)
    statuses.push(await lookupFrom(proxyUrl, clientAddress, spoof ? { 'X-Forwarded-For': `203.0.113.${i}` } : {}));
  return statuses;
}

/** Starts the app with `TRUST_PROXY` as given and its own throttle counters, and a proxy in front of it. */
async function behindProxy(trustProxy: string | undefined) {
  process.env.THROTTLE_PREFIX = `proxy-test-${randomUUID()}`;
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
  try {
    const server = await startTestServer({ runWorkers: false });
    return { server, proxy: await startProxy(server.url) };
  } finally {
    delete process.env.THROTTLE_PREFIX;
    delete process.env.TRUST_PROXY;
  }
}

const ABUSER = '127.0.0.2';
const CITIZEN = '127.0.0.3';

/** Issue 15 item 5: behind a reverse proxy the lookup limit counts each citizen, not the proxy. */
describe('TRUST_PROXY and the public lookup limit', () => {
  describe('without TRUST_PROXY (the default)', () => {
    let server: TestServer;
    let proxy: { url: string; close(): Promise<void> };
    beforeAll(async () => ({ server, proxy } = await behindProxy(undefined)));
    afterAll(async () => {
      await proxy.close();
      await server.close();
    });

    it('counts every citizen behind the proxy as one client (why the setting exists)', async () => {
      // when one abuser exhausts the limit through the proxy
      const abuser = await exhaustLimit(proxy.url, ABUSER);
      // then another citizen behind the same proxy is refused too
      expect(abuser.at(-1)).toBe(429);
      expect(await lookupFrom(proxy.url, CITIZEN)).toBe(429);
    });
  });

  describe.each(['1', '127.0.0.1/32'])('with TRUST_PROXY=%s', (setting) => {
    let server: TestServer;
    let proxy: { url: string; close(): Promise<void> };
    beforeAll(async () => ({ server, proxy } = await behindProxy(setting)));
    afterAll(async () => {
      await proxy.close();
      await server.close();
    });

    it('limits the abuser without touching another citizen', async () => {
      // when one abuser exhausts the limit through the proxy
      const abuser = await exhaustLimit(proxy.url, ABUSER);
      // then the abuser is refused, and another citizen still gets an answer
      expect(abuser.slice(0, 30).every((status) => status === 404)).toBe(true);
      expect(abuser.at(-1)).toBe(429);
      expect(await lookupFrom(proxy.url, CITIZEN)).toBe(404);
    });

    it('does not let a client choose its own key with X-Forwarded-For', async () => {
      // given a client that sends a different forged X-Forwarded-For on every request
      const spoofer = '127.0.0.4';
      const statuses = await exhaustLimit(proxy.url, spoofer, true);
      // then it is counted by the address the proxy saw, and still limited
      expect(statuses.at(-1)).toBe(429);
      expect(await lookupFrom(proxy.url, spoofer, { 'X-Forwarded-For': '198.51.100.7' })).toBe(429);
    });
  });

  it('refuses to start with a value it cannot read', async () => {
    process.env.TRUST_PROXY = 'true';
    try {
      const started = startTestServer({ runWorkers: false }).then(async (server) => (await server.close(), server));
      await expect(started).rejects.toThrow(/TRUST_PROXY: "true"/);
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });
});
