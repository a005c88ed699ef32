import http from 'node:http';

export interface AddressedAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/**
 * A JSON POST from a chosen loopback address (the whole 127/8 is local), so each scenario is its
 * own client for the per-address limits: without TRUST_PROXY the server counts the socket address.
 */
export function postFrom(
  baseUrl: string,
  path: string,
  body: object,
  localAddress: string,
  headers: Record<string, string> = {},
): Promise<AddressedAnswer> {
  const url = new URL(path, baseUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** `POST /api/auth/login` from `address`. */
export function loginFrom(
  baseUrl: string,
  address: string,
  username: string,
  password: string,
): Promise<AddressedAnswer> {
  return postFrom(baseUrl, '/api/auth/login', { username, password }, address);
}
