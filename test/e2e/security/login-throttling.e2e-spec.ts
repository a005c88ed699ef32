import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { UsersService } from '../../../libs/identity/src';
import { startTestServer, type TestServer } from '../../support/test-app';
import { CITY, DEMO_PASSWORD } from '../workflow.helpers';
import { loginFrom, type AddressedAnswer } from './from-address.support';

/**
 * Issue 15 item 6: login cannot be turned against officers. Failures slow the address and the
 * username+address pair that made them (429 LOGIN_THROTTLED with Retry-After), never the account;
 * known and unknown usernames are answered alike. Each scenario calls from its own loopback address.
 */
describe('login throttling', () => {
  const PASSWORD = 'Dung-Mat-Khau-2026';
  let server: TestServer;
  let adminToken: string;

  const from = (address: string, username: string, password: string) =>
    loginFrom(server.url, address, username, password);
  const newOfficer = async () => {
    const username = `lt-${randomUUID().slice(0, 8)}`;
    await server.app
      .get(UsersService)
      .create({ username, fullName: 'Cán Bộ Thử Khóa', unitCode: CITY, roles: ['specialist'], password: PASSWORD });
    return username;
  };
  const me = (token: string) => request(server.url).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const withoutTiming = (answer: AddressedAnswer) => ({
    status: answer.status,
    code: answer.body.code,
    message: answer.body.message.replace(/\d+/g, 'N'),
    keys: Object.keys(answer.body.details ?? {}),
  });

  beforeAll(async () => {
    process.env.THROTTLE_PREFIX = `test-${randomUUID().slice(0, 8)}`;
    server = await startTestServer({ runWorkers: false });
    adminToken = (
      await request(server.url).post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD }).expect(200)
    ).body.accessToken;
  });
  afterAll(() => server?.close());

  it('answers an unknown and a known username alike, before and after the fifth failure', async () => {
    // given an officer and a name nobody has
    const known = await newOfficer();
    const unknown = `khong-co-${randomUUID().slice(0, 8)}`;
    // when both get six wrong passwords from one address
    const answers: [AddressedAnswer, AddressedAnswer][] = [];
    for (let i = 1; i <= 6; i++)
      answers.push([await from('127.0.0.11', known, `sai-${i}`), await from('127.0.0.11', unknown, `sai-${i}`)]);
    // then every pair of answers is the same: status, code, message, details
    for (const [forKnown, forUnknown] of answers) expect(withoutTiming(forKnown)).toEqual(withoutTiming(forUnknown));
    expect(answers.map(([answer]) => answer.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(answers[5][0].body.code).toBe('LOGIN_THROTTLED');
  });

  it('throttles a password spray: 40 usernames from one address, the 21st failure on gets 429 with Retry-After', async () => {
    // given 40 usernames, two of them real officers
    const usernames = [
      await newOfficer(),
      await newOfficer(),
      ...Array.from({ length: 38 }, (_, i) => `spray-${i}-${randomUUID().slice(0, 4)}`),
    ];
    // when one address tries one common password on each
    const answers: AddressedAnswer[] = [];
    for (const username of usernames) answers.push(await from('127.0.0.12', username, 'Matkhau@123'));
    // then the first 20 are checked, the rest refused unchecked
    expect(answers.slice(0, 20).map((answer) => answer.status)).toEqual(Array(20).fill(401));
    for (const answer of answers.slice(20)) {
      expect(answer.status).toBe(429);
      expect(answer.body.code).toBe('LOGIN_THROTTLED');
      const retryAfter = Number(answer.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(answer.body.details.retryAfterSeconds).toBe(retryAfter);
    }
    // and the right password from that address waits too, while from another it works
    expect((await from('127.0.0.12', usernames[0], PASSWORD)).status).toBe(429);
    expect((await from('127.0.0.112', usernames[0], PASSWORD)).status).toBe(200);
  });

  it('does not let a stranger lock an officer out or end their session', async () => {
    // given an officer signed in from their desk
    const officer = await newOfficer();
    const desk = await from('127.0.0.1', officer, PASSWORD);
    expect(desk.status).toBe(200);
    // when a stranger tries ten wrong passwords on that account from another address
    const stranger: number[] = [];
    for (let i = 1; i <= 10; i++) stranger.push((await from('127.0.0.13', officer, `doan-${i}`)).status);
    // then the stranger is slowed, the officer's session goes on and their next login works
    expect(stranger.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(stranger.slice(5).every((status) => status === 429)).toBe(true);
    await me(desk.body.accessToken).expect(200);
    const again = await from('127.0.0.1', officer, PASSWORD);
    expect(again.status).toBe(200);
    await me(again.body.accessToken).expect(200);
  });

  it('makes the username+address pair wait after five failures, even with the right password; an administrator unlocks', async () => {
    // given five wrong passwords from the officer's own address
    const officer = await newOfficer();
    for (let i = 1; i <= 5; i++)
      expect((await from('127.0.0.14', officer, `quen-${i}`)).body.code).toBe('AUTH_INVALID_CREDENTIALS');
    // when the right one comes next
    const waiting = await from('127.0.0.14', officer, PASSWORD);
    // then it must wait about 15 s, and says so
    expect(waiting.status).toBe(429);
    expect(waiting.body).toMatchObject({
      code: 'LOGIN_THROTTLED',
      details: { retryAfterSeconds: expect.any(Number), retryAt: expect.any(String) },
    });
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(15);
    // when an administrator unlocks the account, the officer gets in at once
    await request(server.url)
      .post(`/api/admin/users/${officer}/unlock`)
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect((await from('127.0.0.14', officer, PASSWORD)).status).toBe(200);
  });

  it('counts a burst of parallel guesses: no more than 20 get checked', async () => {
    // when 30 guesses leave one address at once
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => from('127.0.0.15', `burst-${i}-${randomUUID().slice(0, 4)}`, 'Matkhau@123')),
    );
    // then
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(20);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(10);
  });
});
