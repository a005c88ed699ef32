import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestServer, type TestServer } from '../../support/test-app';
import { db, DEMO_PASSWORD, eventually, signIn } from '../workflow.helpers';

/** Issue 9: a server handling a reception, a lookup and SMS writes none of the applicant's personal data to its logs. */
describe('logs carry no personal data', () => {
  const lines: string[] = [];
  const unique = String(Date.now()).slice(-6);
  const applicant = {
    fullName: 'Phùng Thị Diệu Linh',
    idNumber: `0661900${unique.slice(0, 5)}`,
    phone: `0987${unique}`,
    address: `Số ${unique} đường Phan Bội Châu, phường Tân Lợi`,
  };
  const sensitive = [
    applicant.fullName,
    'Phung Thi Dieu Linh',
    'Diệu Linh',
    applicant.idNumber,
    applicant.phone,
    applicant.phone.slice(1),
    applicant.address,
    'Phan Bội Châu',
  ];
  let server: TestServer;
  let code: string;
  let lookupKey: string;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ logDestination: { write: (line: string) => void lines.push(line) } });
    const reception = await signIn(server, 'reception');
    const received = await reception
      .post('/api/dossiers', {
        procedureCode: '1.001612',
        applicant,
        channel: 'direct',
        documents: ['giay-de-nghi', 'giay-to-phap-ly'],
      })
      .set('X-Request-Id', `reception-${unique}`)
      .expect(201);
    ({ code, lookupKey } = received.body);
    token = (
      await request(server.url)
        .post('/api/auth/login')
        .send({ username: 'reception', password: DEMO_PASSWORD })
        .expect(200)
    ).body.accessToken;
    await request(server.url).get(`/api/public/dossiers/${code}?key=${lookupKey}`).expect(200);
    await request(server.url)
      .get(`/api/dossiers?q=${encodeURIComponent(applicant.phone)}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    await request(server.url)
      .get(`/api/dossiers?q=${encodeURIComponent(applicant.fullName)}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    await request(server.url)
      .post('/api/sms/inbound')
      .set('x-sms-secret', process.env.SMS_INBOUND_SECRET!)
      .send({ from: applicant.phone, text: `HS ${code}` })
      .expect(200);
    // A failed sign-in whose password is the phone number (the demo password is public and printed at the first start).
    await request(server.url)
      .post('/api/auth/login')
      .send({ username: applicant.idNumber, password: applicant.phone })
      .expect(401);
    // The reception SMS leaves through the default provider, which logs what it sends.
    await eventually(
      async () =>
        (await db(server).query(`SELECT 1 FROM sms_outbox WHERE code = $1 AND status = 'sent'`, [code])).length > 0,
      20_000,
    );
  });
  afterAll(() => server.close());

  it('writes JSON lines with request ids', () => {
    const parsed = lines.map((line) => JSON.parse(line));
    const receptionLine = parsed.find((entry) => entry.req?.id === `reception-${unique}`);
    expect(receptionLine).toMatchObject({
      req: { method: 'POST', url: '/api/dossiers' },
      res: { statusCode: 201 },
      route: '/api/dossiers',
    });
    expect(parsed.some((entry) => entry.context === 'Sms' && entry.msg.includes(code))).toBe(true);
  });

  it('holds none of the ID number, phone, address, name, password, token or lookup key', () => {
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(8);
    for (const value of [...sensitive, token, lookupKey])
      expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
    expect(text).not.toMatch(/"authorization"|x-sms-secret|test-sms-secret/i);
  });

  it('masks ID numbers, phone numbers, e-mails and names in request paths, percent-encoded or not', async () => {
    // given lookups whose path carries personal data (a citizen typing it in place of a dossier code)
    const before = lines.length;
    const idNumber = `0799${unique}00`;
    const phone = `+8491${unique}0`;
    const email = `dieu.linh.${unique}@gmail.com`;
    const name = `Phùng Thị Diệu Linh ${unique}`;
    for (const value of [idNumber, phone, email, name]) {
      await request(server.url)
        .get(`/api/public/dossiers/${encodeURIComponent(value)}`)
        .expect(404);
      await request(server.url).get(
        `/api/public/dossiers/${encodeURIComponent(value)}/x?q=${encodeURIComponent(value)}`,
      );
    }
    await request(server.url).get(`/api/public/dossiers/${idNumber}`).expect(404);
    // then no log line holds them, in clear or percent-encoded
    const written = lines.slice(before).join('\n');
    expect(lines.length).toBeGreaterThan(before);
    for (const value of [
      idNumber,
      phone,
      phone.slice(1),
      `0${phone.slice(3)}`,
      email,
      `dieu.linh.${unique}`,
      name,
      'Diệu Linh',
      'Di%E1%BB%87u',
    ]) {
      expect({ value, found: written.includes(value) || written.includes(encodeURIComponent(value)) }).toEqual({
        value,
        found: false,
      });
    }
    expect(written).toContain('/api/public/dossiers/');
  });

  it('logs a refused request under the request id the caller sent', async () => {
    const before = lines.length;
    const id = `probe-${randomUUID()}`;
    await request(server.url).get('/api/public/dossiers/does-not-exist').set('X-Request-Id', id).expect(404);
    const mine = lines
      .slice(before)
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.reqId === id || entry.req?.id === id);
    expect(mine.length).toBeGreaterThan(0);
  });
});
