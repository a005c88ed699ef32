import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { UsersService } from '../../../libs/identity/src';
import { PasswordHasher, scryptParamsFromEnv } from '../../../libs/identity/src/services/password-hasher.service';
import { startTestServer, type TestServer } from '../../support/test-app';
import { CITY, db, DEMO_PASSWORD } from '../workflow.helpers';
import { postFrom } from './from-address.support';

/**
 * Issue 15 items 10 and 11: a password change or reset ends the account's tokens; wrong SMS
 * gateway secrets are throttled per address; old password hashes are upgraded at the next login.
 */
describe('credentials: token revocation, SMS secret throttling, password rehash', () => {
  const PASSWORD = 'Dung-Mat-Khau-2026';
  let server: TestServer;
  let adminToken: string;

  const login = (username: string, password: string) =>
    request(server.url).post('/api/auth/login').send({ username, password });
  const me = (token: string) => request(server.url).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const newOfficer = async () => {
    const username = `cr-${randomUUID().slice(0, 8)}`;
    const user = await server.app
      .get(UsersService)
      .create({ username, fullName: 'Cán Bộ Thử Mật Khẩu', unitCode: CITY, roles: ['specialist'], password: PASSWORD });
    return { id: user.id, username };
  };
  const storedHash = async (id: string) =>
    (await db(server).query(`SELECT password_hash FROM users WHERE id = $1`, [id]))[0].password_hash as string;

  beforeAll(async () => {
    process.env.THROTTLE_PREFIX = `test-${randomUUID().slice(0, 8)}`;
    server = await startTestServer({ runWorkers: false });
    adminToken = (await login('admin', DEMO_PASSWORD).expect(200)).body.accessToken;
  });
  afterAll(() => server?.close());

  describe('tokens end with the password', () => {
    it('ends every older token when the officer changes the password; the answer carries a working one', async () => {
      // given two sessions of one officer
      const officer = await newOfficer();
      const desk = (await login(officer.username, PASSWORD).expect(200)).body.accessToken;
      const phone = (await login(officer.username, PASSWORD).expect(200)).body.accessToken;
      // when the password is changed from the desk
      const changed = await request(server.url)
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${desk}`)
        .send({ currentPassword: PASSWORD, newPassword: 'Dong-lua-chin-2027' })
        .expect(200);
      // then both old tokens are refused and the new one works
      expect((await me(desk).expect(401)).body.code).toBe('AUTH_TOKEN_INVALID');
      expect((await me(phone).expect(401)).body.code).toBe('AUTH_TOKEN_INVALID');
      await me(changed.body.accessToken).expect(200);
    });

    it("ends the officer's tokens when an administrator resets the password", async () => {
      // given a signed-in officer
      const officer = await newOfficer();
      const token = (await login(officer.username, PASSWORD).expect(200)).body.accessToken;
      await me(token).expect(200);
      // when
      await request(server.url)
        .post(`/api/admin/users/${officer.username}/reset-password`)
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      // then
      expect((await me(token).expect(401)).body.code).toBe('AUTH_TOKEN_INVALID');
    });
  });

  describe('wrong SMS gateway secrets', () => {
    const sms = (address: string, secret: string, from: string) =>
      postFrom(server.url, '/api/sms/inbound', { from, text: 'HS 000.00.20.H15-261207-0001' }, address, {
        'x-sms-secret': secret,
      });

    it('are throttled per address after 10; the gateway at another address still gets in', async () => {
      // when a stranger guesses the secret twelve times
      const guesses: { status: number; code: string }[] = [];
      for (let i = 1; i <= 12; i++) {
        const answer = await sms('127.0.0.21', `doan-${i}`, '0905000021');
        guesses.push({ status: answer.status, code: answer.body.code });
      }
      // then ten are checked, the rest refused, even with the right secret
      expect(guesses.slice(0, 10)).toEqual(Array(10).fill({ status: 401, code: 'SMS_SECRET_INVALID' }));
      expect(guesses.slice(10)).toEqual(Array(2).fill({ status: 429, code: 'SMS_SECRET_THROTTLED' }));
      const right = await sms('127.0.0.21', process.env.SMS_INBOUND_SECRET!, '0905000021');
      expect(right.status).toBe(429);
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
      // and the gateway, from its own address, is unaffected
      expect((await sms('127.0.0.22', process.env.SMS_INBOUND_SECRET!, '0905000022')).status).toBe(200);
    });
  });

  describe('password hashes', () => {
    it('upgrades a hash of an older cost at the next successful login', async () => {
      // given an officer whose hash was made with N=2^12, below the server's cost
      const current = scryptParamsFromEnv();
      const officer = await newOfficer();
      const old = await new PasswordHasher({ ...current, N: 2 ** 12 }).hash(PASSWORD);
      await db(server).query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [officer.id, old]);
      // when a wrong password, then the right one
      await login(officer.username, 'sai-mat-khau').expect(401);
      expect(await storedHash(officer.id)).toBe(old);
      await login(officer.username, PASSWORD).expect(200);
      // then the hash has the current cost, and the password still works
      const upgraded = await storedHash(officer.id);
      expect(upgraded.startsWith(`scrypt$${current.N}$8$1$`)).toBe(true);
      expect(current.N).toBeGreaterThan(2 ** 12);
      await login(officer.username, PASSWORD).expect(200);
      expect(await storedHash(officer.id)).toBe(upgraded);
    });
  });
});
