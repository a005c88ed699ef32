import { createHmac, randomUUID } from 'node:crypto';
import request from 'supertest';
import { UsersService } from '../../libs/identity/src';
import { startTestServer, type TestServer } from '../support/test-app';

/** Feature: signing in, failed logins, the bearer guard and roles, over HTTP with the real stack. */
describe('identity (e2e)', () => {
  const password = process.env.DEMO_PASSWORD ?? 'motcua-demo';
  let server: TestServer;
  let adminToken: string;

  const login = (username: string, pw: string) =>
    request(server.url).post('/api/auth/login').send({ username, password: pw });
  const tokenOf = async (username: string) => (await login(username, password).expect(200)).body.accessToken as string;
  const get = (path: string, token?: string) => {
    const req = request(server.url).get(path);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };
  /** A fresh account per scenario, so login waits never touch the shared demo accounts. */
  const newUser = async (roles = ['specialist']) => {
    const username = `e2e-${randomUUID().slice(0, 8)}`;
    const user = await server.app
      .get(UsersService)
      .create({ username, fullName: 'Người Thử Nghiệm', unitCode: '000.00.20.H15', roles, password: 'right-password' });
    return { ...user, username };
  };
  const auditOf = async (username: string) =>
    (await get(`/api/admin/audit?subject=user:${username}&limit=100`, adminToken).expect(200)).body.items as {
      action: string;
      actor: string | null;
      ip: string | null;
      data: Record<string, unknown> | null;
    }[];
  /** HS256 token signed with the server's secret, for expiry and forgery cases. */
  const signToken = (payload: object, secret = process.env.JWT_SECRET!) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
    return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
  };

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    adminToken = await tokenOf('admin');
  });
  afterAll(() => server?.close());

  describe('POST /api/auth/login', () => {
    it('returns a token and the user, and the token works on /api/auth/me', async () => {
      // when
      const res = await login('reception', password).expect(200);
      // then
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.user).toEqual({
        id: expect.any(String),
        username: 'reception',
        fullName: 'Trần Thị Thu Hà',
        unitId: expect.any(String),
        unitCode: '000.00.20.H15',
        unitName: 'UBND thành phố Buôn Ma Thuột',
        roles: ['reception'],
        mustChangePassword: false,
      });
      const me = await get('/api/auth/me', res.body.accessToken).expect(200);
      expect(me.body).toEqual(res.body.user);
    });

    it('ignores the case of the username', async () => {
      await login('Reception', password).expect(200);
    });

    it('answers a wrong password and an unknown user with the same 401', async () => {
      // when
      const wrong = await login('head', 'not-the-password').expect(401);
      const unknown = await login('no-such-user', password).expect(401);
      // then
      expect(wrong.body).toMatchObject({ statusCode: 401, code: 'AUTH_INVALID_CREDENTIALS' });
      expect(unknown.body).toEqual(wrong.body);
    });

    it('refuses a body that is not JSON (400 BODY_NOT_JSON)', async () => {
      const res = await request(server.url)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username": "admin",')
        .expect(400);
      expect(res.body.code).toBe('BODY_NOT_JSON');
    });

    it.each([
      ['no password', { username: 'admin' }],
      ['no username', { password: 'x' }],
      ['an empty password', { username: 'admin', password: '' }],
      ['a number for a username', { username: 42, password: 'x' }],
    ])('refuses a body with %s (400 VALIDATION_FAILED)', async (_, body) => {
      const res = await request(server.url).post('/api/auth/login').send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('refuses an inactive account with the same 401', async () => {
      // given
      const user = await newUser();
      await server.app.get(UsersService).setActive(user.id, false);
      // when
      const res = await login(user.username, 'right-password').expect(401);
      // then
      expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    });
  });

  describe('failed logins (no lockout: docs/security.md, issue 15)', () => {
    it('audits each failure, and the wait the fifth one starts for this username from this address', async () => {
      // given
      const user = await newUser();
      // when
      for (let i = 1; i <= 5; i++)
        expect((await login(user.username, `wrong-${i}`).expect(401)).body.code).toBe('AUTH_INVALID_CREDENTIALS');
      const right = await login(user.username, 'right-password').expect(429);
      // then
      expect(right.body).toMatchObject({ code: 'LOGIN_THROTTLED', details: { retryAfterSeconds: expect.any(Number) } });
      const entries = (await auditOf(user.username)).reverse();
      expect(entries.map((entry) => entry.action)).toEqual(Array(5).fill('auth.login_failed'));
      expect(entries[4].data).toEqual({ reason: 'wrong_password', waitSeconds: 15 });
    });

    it('resets the count after a successful login', async () => {
      // given 4 failures, then a success
      const user = await newUser();
      for (let i = 0; i < 4; i++) await login(user.username, 'wrong').expect(401);
      await login(user.username, 'right-password').expect(200);
      // when 4 more failures
      for (let i = 0; i < 4; i++) await login(user.username, 'wrong').expect(401);
      // then no wait: the right password gets in
      await login(user.username, 'right-password').expect(200);
    });

    it('audits a success with the actor and the caller ip', async () => {
      const user = await newUser();
      await login(user.username, 'right-password').expect(200);
      const [entry] = await auditOf(user.username);
      expect(entry).toMatchObject({
        action: 'auth.login',
        actor: user.username,
        ip: expect.stringContaining('127.0.0.1'),
      });
    });
  });

  describe('the guard', () => {
    it('asks for a token when there is none (401 AUTH_REQUIRED)', async () => {
      expect((await get('/api/auth/me').expect(401)).body.code).toBe('AUTH_REQUIRED');
    });

    it.each([
      ['garbage', 'not-a-jwt'],
      ['a forged signature', () => signToken({ sub: randomUUID(), username: 'admin' }, 'another-secret')],
      [
        'an expired token',
        () => signToken({ sub: randomUUID(), username: 'admin', exp: Math.floor(Date.now() / 1000) - 60 }),
      ],
      ['no subject', () => signToken({ username: 'admin' })],
    ])('refuses %s (401 AUTH_TOKEN_INVALID)', async (_, token) => {
      const res = await get('/api/auth/me', typeof token === 'function' ? token() : token).expect(401);
      expect(res.body.code).toBe('AUTH_TOKEN_INVALID');
    });

    it('stops a token working once its account is deactivated', async () => {
      // given
      const user = await newUser();
      const token = (await login(user.username, 'right-password').expect(200)).body.accessToken;
      await get('/api/auth/me', token).expect(200);
      // when
      await server.app.get(UsersService).setActive(user.id, false);
      // then
      expect((await get('/api/auth/me', token).expect(401)).body.code).toBe('AUTH_TOKEN_INVALID');
    });

    it('refuses an admin-only route to a specialist (403 FORBIDDEN_ROLE) and allows it to admin', async () => {
      const res = await get('/api/admin/audit', await tokenOf('specialist')).expect(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
      const ok = await get('/api/admin/audit?action=auth.login&limit=2', adminToken).expect(200);
      expect(ok.body.items).toHaveLength(2);
      expect(ok.body.total).toBeGreaterThanOrEqual(2);
    });

    it('validates the audit query (400 VALIDATION_FAILED)', async () => {
      expect((await get('/api/admin/audit?limit=100000', adminToken).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });

    it('leaves public routes open', async () => {
      await get('/health/live').expect(200);
    });
  });

  describe('GET /api/units', () => {
    it('lists the tree flat with parent codes, parents first', async () => {
      // when
      const res = await get('/api/units', await tokenOf('specialist.tuphap')).expect(200);
      // then
      const items = res.body.items as { code: string; name: string; kind: string; parentCode: string | null }[];
      expect(res.body.total).toBe(items.length);
      expect(items[0]).toMatchObject({
        code: '000.00.00.H15',
        name: 'UBND tỉnh Đắk Lắk',
        kind: 'province',
        parentCode: null,
      });
      expect(items).toContainEqual(
        expect.objectContaining({ code: '000.00.20.H15', kind: 'district', parentCode: '000.00.00.H15' }),
      );
      expect(items).toContainEqual(
        expect.objectContaining({ code: '000.20.20.H15', kind: 'commune', parentCode: '000.00.20.H15' }),
      );
      const seen = new Set<string>();
      for (const unit of items) {
        if (unit.parentCode) expect(seen.has(unit.parentCode)).toBe(true);
        seen.add(unit.code);
      }
    });

    it('needs a token', async () => {
      await get('/api/units').expect(401);
    });
  });

  describe('POST /api/auth/password', () => {
    it('changes the password; the old one stops working', async () => {
      // given
      const user = await newUser();
      const token = (await login(user.username, 'right-password').expect(200)).body.accessToken;
      // when
      await request(server.url)
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${token}`)
        .send({ currentPassword: 'right-password', newPassword: 'a-new-password' })
        .expect(200);
      // then
      await login(user.username, 'right-password').expect(401);
      await login(user.username, 'a-new-password').expect(200);
    });

    it('refuses a wrong current password (400 CURRENT_PASSWORD_WRONG)', async () => {
      const user = await newUser();
      const token = (await login(user.username, 'right-password').expect(200)).body.accessToken;
      const res = await request(server.url)
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${token}`)
        .send({ currentPassword: 'wrong', newPassword: 'a-new-password' })
        .expect(400);
      expect(res.body.code).toBe('CURRENT_PASSWORD_WRONG');
    });
  });
});
