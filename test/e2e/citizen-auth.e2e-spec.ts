import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-app';
import { db, DEMO_PASSWORD } from './workflow.helpers';
import {
  citizenToken,
  codeFromOutbox as fromOutbox,
  newCitizenPhone as newPhone,
  newLoopback as newAddress,
} from './citizen.support';
import { postFrom, type AddressedAnswer } from './security/from-address.support';

/**
 * Issue 18 item 2 (ADR 0027): citizens sign in with a one-time code sent through the SMS outbox.
 * The code is read where the SMS gateway reads it, the outbox table; the code is kept only as an
 * HMAC; wrong codes are throttled; a known and an unknown number get identical answers; expired
 * and replayed codes fail like wrong ones; citizen and staff tokens never cross.
 */
describe('citizen sign-in by phone', () => {
  let server: TestServer;
  let staffToken: string;

  const askCode = (phone: string, address = '127.0.0.1') =>
    postFrom(server.url, '/api/citizen/auth/code', { phone }, address);
  const verify = (phone: string, code: string, address = '127.0.0.1') =>
    postFrom(server.url, '/api/citizen/auth/verify', { phone, code }, address);
  const codeFromOutbox = (phone: string) => fromOutbox(db(server), phone);
  const signIn = (phone: string) => citizenToken(server.url, db(server), phone);
  const shape = (answer: AddressedAnswer) => ({
    status: answer.status,
    body: answer.body,
    retryAfter: answer.headers['retry-after'] !== undefined,
  });

  beforeAll(async () => {
    process.env.THROTTLE_PREFIX = `test-${randomUUID().slice(0, 8)}`;
    server = await startTestServer({ runWorkers: false });
    staffToken = (
      await request(server.url).post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD }).expect(200)
    ).body.accessToken;
  });
  afterAll(() => server?.close());

  it('signs in with the code read from the SMS outbox; the account is made then; the code is stored only as an HMAC', async () => {
    // given a number with no account
    const phone = newPhone();
    const address = newAddress();
    // when a code is asked for, written with spaces and the country code
    const asked = await askCode(`+84 ${phone.slice(1, 4)} ${phone.slice(4)}`, address);
    // then the answer is 202 and an SMS with a 6-digit code waits in the outbox, for the normalised number
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ status: 'sent', expiresInSeconds: 300 });
    const code = await codeFromOutbox(phone);
    expect(code).toMatch(/^\d{6}$/);
    // and the code row holds no code in clear
    const [stored] = await db(server).query(`SELECT code_hash, expires_at FROM citizen_codes WHERE phone = $1`, [
      phone,
    ]);
    expect(stored.code_hash).toHaveLength(32);
    expect(Buffer.from(stored.code_hash).toString('hex')).not.toContain(Buffer.from(code).toString('hex'));
    expect(new Date(stored.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect((await db(server).query(`SELECT 1 FROM citizen_accounts WHERE phone = $1`, [phone])).length).toBe(0);
    // when the code is typed back
    const verified = await verify(phone, code, address);
    // then a citizen token, and the account of that number exists
    expect(verified.status).toBe(200);
    expect(new Date(verified.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await request(server.url).get('/api/citizen/me').set('Authorization', `Bearer ${verified.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ citizenId: expect.any(String), phone });
    // and the code is gone
    expect((await db(server).query(`SELECT 1 FROM citizen_codes WHERE phone = $1`, [phone])).length).toBe(0);
  });

  it('answers a number with an account and one without identically, asking and guessing', async () => {
    // given a number that has an account and one that has none
    const known = newPhone();
    await signIn(known);
    const unknown = newPhone();
    const address = newAddress();
    // when both ask for a code and then type a wrong one, six times
    const askKnown = await askCode(known, address);
    const askUnknown = await askCode(unknown, address);
    const guesses: [AddressedAnswer, AddressedAnswer][] = [];
    for (let i = 0; i < 6; i++)
      guesses.push([await verify(known, '000000', address), await verify(unknown, '000000', address)]);
    // then the answers are the same, byte for byte but the wait's seconds (five refusals, then the wait)
    expect(guesses.map(([forKnown]) => forKnown.status)).toEqual([400, 400, 400, 400, 400, 429]);
    expect(shape(askKnown)).toEqual(shape(askUnknown));
    for (const [forKnown, forUnknown] of guesses) {
      const strip = (a: AddressedAnswer) => JSON.stringify(shape(a)).replace(/\d+/g, 'N');
      expect(strip(forKnown)).toEqual(strip(forUnknown));
    }
    // and the same work was done for both: one code row and one SMS each
    const [counts] = await db(server).query(
      `SELECT (SELECT count(*)::int FROM citizen_codes WHERE phone IN ($1, $2)) AS codes,
              (SELECT count(*)::int FROM sms_outbox WHERE kind = 'sign_in_code' AND phone = $2) AS unknown_sms`,
      [known, unknown],
    );
    expect(counts).toEqual({ codes: 2, unknown_sms: 1 });
  });

  it('throttles wrong codes: ten tries give five OTP_INVALID, then OTP_THROTTLED with Retry-After, even for the right code', async () => {
    // given a code sent to a number
    const phone = newPhone();
    const address = newAddress();
    await askCode(phone, address);
    const code = await codeFromOutbox(phone);
    const wrong = code === '111111' ? '222222' : '111111';
    // when ten wrong codes are typed
    const answers: AddressedAnswer[] = [];
    for (let i = 0; i < 10; i++) answers.push(await verify(phone, wrong, address));
    // then five are checked and refused, the other five are throttled
    expect(answers.map((a) => a.body.code)).toEqual([
      ...Array(5).fill('OTP_INVALID'),
      ...Array(5).fill('OTP_THROTTLED'),
    ]);
    expect(answers.slice(0, 5).every((a) => a.status === 400)).toBe(true);
    for (const answer of answers.slice(5)) {
      expect(answer.status).toBe(429);
      const retryAfter = Number(answer.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(answer.body.details.retryAfterSeconds).toBe(retryAfter);
    }
    // and the right code now waits too, from this address or another (the number is throttled)
    expect((await verify(phone, code, address)).status).toBe(429);
    expect((await verify(phone, code, newAddress())).status).toBe(429);
    // and the code itself is spent: five wrong tries used it up
    const [row] = await db(server).query(`SELECT attempts FROM citizen_codes WHERE phone = $1`, [phone]);
    expect(row.attempts).toBe(5);
  });

  it('refuses an expired code and a replayed one with the same OTP_INVALID as a wrong one', async () => {
    // given a code that expired (its five minutes are over)
    const phone = newPhone();
    const address = newAddress();
    await askCode(phone, address);
    const code = await codeFromOutbox(phone);
    await db(server).query(`UPDATE citizen_codes SET expires_at = now() - interval '1 second' WHERE phone = $1`, [
      phone,
    ]);
    // when it is typed
    const expired = await verify(phone, code, address);
    // then it is refused as a wrong code is
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('OTP_INVALID');
    // given a fresh code that signed in once
    await askCode(phone, address);
    const fresh = await codeFromOutbox(phone);
    expect((await verify(phone, fresh, address)).status).toBe(200);
    // when the same code is sent again, and twice at once
    const replayed = await verify(phone, fresh, address);
    // then it is refused the same way
    expect(replayed.status).toBe(400);
    expect(replayed.body).toEqual(expired.body);
    // and of two simultaneous right answers only one signs in
    await askCode(phone, address);
    const raced = await codeFromOutbox(phone);
    const both = await Promise.all([verify(phone, raced, address), verify(phone, raced, newAddress())]);
    expect(both.map((a) => a.status).sort()).toEqual([200, 400]);
  });

  it('throttles code requests per number and per address', async () => {
    // given one number asking again and again
    const phone = newPhone();
    const perPhone: number[] = [];
    for (let i = 0; i < 6; i++) perPhone.push((await askCode(phone, newAddress())).status);
    // then the sixth request within the hour is refused, whichever address asks
    expect(perPhone).toEqual([202, 202, 202, 202, 202, 429]);
    // given one address asking for 21 numbers
    const address = newAddress();
    const perAddress: AddressedAnswer[] = [];
    for (let i = 0; i < 21; i++) perAddress.push(await askCode(newPhone(), address));
    // then the 21st is refused with the wait
    expect(perAddress.slice(0, 20).every((a) => a.status === 202)).toBe(true);
    expect(perAddress[20].status).toBe(429);
    expect(perAddress[20].body.code).toBe('OTP_THROTTLED');
    expect(Number(perAddress[20].headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses what is not a Vietnamese mobile number, sending nothing', async () => {
    const before = (await db(server).query(`SELECT count(*)::int AS n FROM sms_outbox`))[0].n;
    for (const phone of ['0212345678', '12345', '+1 415 555 0100', '09123456789']) {
      const answer = await askCode(phone, newAddress());
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('PHONE_INVALID');
    }
    expect((await postFrom(server.url, '/api/citizen/auth/code', {}, newAddress())).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await db(server).query(`SELECT count(*)::int AS n FROM sms_outbox`))[0].n).toBe(before);
  });

  it('keeps citizen and staff tokens apart: neither passes the other side, and sign-out ends the citizen token', async () => {
    // given a signed-in citizen and a signed-in officer
    const citizenToken = await signIn(newPhone());
    const asCitizen = (path: string) => request(server.url).get(path).set('Authorization', `Bearer ${citizenToken}`);
    // then the citizen token opens no staff route
    for (const path of ['/api/auth/me', '/api/tasks', '/api/dossiers', '/api/admin/users']) {
      const answer = await asCitizen(path);
      expect({ path, status: answer.status, code: answer.body.code }).toEqual({
        path,
        status: 401,
        code: 'AUTH_TOKEN_INVALID',
      });
    }
    // and the staff token opens no citizen route, nor does no token or a forged one
    const staff = await request(server.url).get('/api/citizen/me').set('Authorization', `Bearer ${staffToken}`);
    expect([staff.status, staff.body.code]).toEqual([401, 'CITIZEN_AUTH_REQUIRED']);
    const none = await request(server.url).get('/api/citizen/me');
    expect([none.status, none.body.code]).toEqual([401, 'CITIZEN_AUTH_REQUIRED']);
    const forged = await request(server.url)
      .get('/api/citizen/me')
      .set('Authorization', `Bearer ${citizenToken.slice(0, -4)}AAAA`);
    expect([forged.status, forged.body.code]).toEqual([401, 'CITIZEN_AUTH_REQUIRED']);
    expect((await asCitizen('/api/citizen/me')).status).toBe(200);
    // when the citizen signs out
    const out = await request(server.url)
      .post('/api/citizen/auth/sign-out')
      .set('Authorization', `Bearer ${citizenToken}`);
    expect(out.status).toBe(204);
    // then the token no longer works
    const after = await asCitizen('/api/citizen/me');
    expect([after.status, after.body.code]).toEqual([401, 'CITIZEN_AUTH_REQUIRED']);
  });
});
