import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A GET from a chosen loopback address, so each rate-limit scenario is its own client (the whole 127/8 is local). */
export function getFrom(
  baseUrl: string,
  path: string,
  localAddress: string,
): Promise<{ status: number; body: any; text: string }> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    http
      .get(url, { localAddress, headers: { accept: 'application/json' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, body: text ? JSON.parse(text) : undefined }));
      })
      .on('error', reject);
  });
}

/** A stand-in SMS gateway that can be taken down and brought back. */
export async function startFakeGateway(): Promise<{
  url: string;
  down: boolean;
  received: { to: string; text: string }[];
  close(): Promise<void>;
}> {
  const gateway = {
    url: '',
    down: false,
    received: [] as { to: string; text: string }[],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (gateway.down) {
        res.writeHead(503).end();
        return;
      }
      gateway.received.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return gateway;
}
