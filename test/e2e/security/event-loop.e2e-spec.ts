import { monitorEventLoopDelay } from 'node:perf_hooks';
import request from 'supertest';
import { startTestServer, type TestServer } from '../../support/test-app';
import { DEMO_PASSWORD } from '../workflow.helpers';

/**
 * Issue 15, item 1: no request may hold the event loop longer than 100 ms. The test server runs in
 * this process, so the loop measured here is the server's. Each heavy route — the printed forms
 * with every field at its bound, the reports as PDF/XLSX/CSV for the province and a whole year,
 * the OpenAPI document — is asked several times, one request at a time, while libuv samples the
 * loop every 10 ms. The bound is on the median of each route's worst pause over its runs: one
 * run's maximum can catch a garbage collection or the other test process on a 2-core machine,
 * while a route that does its work on the loop pauses it on every run.
 */
const MAX_LAG_MS = 100;
const RUNS = 5;
const RESOLUTION_MS = 10;
const PROVINCE = '000.00.00.H15';

/** The longest pause of the loop, in milliseconds, while `call` ran. */
async function worstPause(call: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  try {
    await call();
  } finally {
    histogram.disable();
  }
  return histogram.count ? Math.max(0, histogram.max / 1e6 - RESOLUTION_MS) : 0;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('the event loop under heavy requests (issue 15, item 1)', () => {
  let server: TestServer;
  let tokens: Record<'reception' | 'leader', string>;
  let dossier: string;

  beforeAll(async () => {
    server = await startTestServer();
    const login = async (username: string) =>
      (await request(server.url).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200)).body
        .accessToken as string;
    tokens = { reception: await login('reception'), leader: await login('leader.tinh') };
    // Given a dossier whose every printed field is at its bound, unbroken runs included (the costliest layout).
    const word = 'Nguyễn'.repeat(40);
    const received = await request(server.url)
      .post('/api/dossiers')
      .set('Authorization', `Bearer ${tokens.reception}`)
      .send({
        procedureCode: '1.001612',
        applicant: {
          fullName: `${word} ${'Thị Ánh '.repeat(20)}`.slice(0, 200),
          idNumber: '066190001234',
          phone: '0905123456',
          address: `${word} ${'Số 1 đường Lê Lợi, phường Bến Nghé, '.repeat(20)}`.slice(0, 500),
        },
        channel: 'direct',
        documents: ['giay-de-nghi', 'giay-to-phap-ly'],
      })
      .expect(201);
    dossier = received.body.code;
  });
  const measured: string[] = [];
  afterAll(async () => {
    console.log(`worst pause of the event loop per run:\n${measured.join('\n')}`);
    await server?.close();
  });

  const year = new Date().getUTCFullYear();
  const routes: [string, 'reception' | 'leader' | undefined, string][] = [
    ['the receipt (Form 01)', 'reception', `/api/dossiers/:code/receipt.pdf`],
    ['the control slip (Form 05)', 'reception', `/api/dossiers/:code/control-slip.pdf`],
    [
      'II.06a as PDF for the province and a year',
      'leader',
      `/api/reports/summary?from=${year}-01-01&to=${year}-12-31&unit=${PROVINCE}&groupBy=procedure&format=pdf`,
    ],
    [
      'II.06a as XLSX for the province and a year',
      'leader',
      `/api/reports/summary?from=${year}-01-01&to=${year}-12-31&unit=${PROVINCE}&groupBy=procedure&format=xlsx`,
    ],
    [
      'II.06a as CSV for the province and a year',
      'leader',
      `/api/reports/summary?from=${year}-01-01&to=${year}-12-31&unit=${PROVINCE}&groupBy=unit&format=csv`,
    ],
    ['the periodic report as PDF', 'leader', `/api/reports/periodic?year=${year}&unit=${PROVINCE}&format=pdf`],
    ['the periodic report as XLSX', 'leader', `/api/reports/periodic?year=${year}&unit=${PROVINCE}&format=xlsx`],
    ['the overdue list as XLSX', 'leader', `/api/reports/overdue?unit=${PROVINCE}&format=xlsx`],
    ['the OpenAPI document', undefined, '/api/docs-json'],
  ];

  it.each(routes)('%s holds the loop at most 100 ms', async (name, role, path) => {
    const url = path.replace(':code', encodeURIComponent(dossier ?? ''));
    const get = () => {
      const call = request(server.url).get(url);
      return (role ? call.set('Authorization', `Bearer ${tokens[role]}`) : call).expect(200);
    };
    // The first answer warms what is loaded once (fonts, the document cache): not a request's cost.
    await get();
    const pauses: number[] = [];
    for (let run = 0; run < RUNS; run++) pauses.push(await worstPause(get));
    // When each run answers, then no run's typical pause is over the bound.
    measured.push(`${name}: ${pauses.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    expect(median(pauses)).toBeLessThanOrEqual(MAX_LAG_MS);
  });
});
