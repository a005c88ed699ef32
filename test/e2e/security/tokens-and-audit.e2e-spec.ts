import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { startTestServer, type TestServer } from '../../support/test-app';
import { DEMO_PASSWORD } from '../workflow.helpers';

/** Issue 9: tokens die when they expire or are forged; logins and changes land in the audit trail. */
describe('token expiry, forged tokens, audit of changes', () => {
  let server: TestServer;
  beforeAll(async () => {
    process.env.JWT_TTL = '2';
    try {
      server = await startTestServer();
    } finally {
      delete process.env.JWT_TTL;
    }
  });
  afterAll(() => server.close());

  const me = (token: string) => request(server.url).get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  it('refuses a token once it has expired (401 AUTH_TOKEN_INVALID)', async () => {
    // given: tokens live two seconds on this server
    const token = (
      await request(server.url)
        .post('/api/auth/login')
        .send({ username: 'specialist', password: DEMO_PASSWORD })
        .expect(200)
    ).body.accessToken;
    await me(token).expect(200);
    // when
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    // then
    const res = await me(token).expect(401);
    expect(res.body).toMatchObject({ code: 'AUTH_TOKEN_INVALID', message: 'Access token has expired' });
  });

  it('refuses tokens signed with another secret, unsigned, or for nobody', async () => {
    const user = (
      await request(server.url)
        .post('/api/auth/login')
        .send({ username: 'specialist', password: DEMO_PASSWORD })
        .expect(200)
    ).body.user;
    const claims = { sub: user.id, username: 'specialist' };
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const forged = [
      sign(claims, 'not-the-server-secret', { expiresIn: 600 }),
      `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.`,
      sign(claims, process.env.JWT_SECRET!, { expiresIn: 600, algorithm: 'HS512' }),
      sign({ ...claims, sub: '00000000-0000-4000-8000-000000000000' }, process.env.JWT_SECRET!, { expiresIn: 600 }),
      'garbage',
    ];
    for (const token of forged) expect((await me(token)).status).toBe(401);
  });

  it('audits sign-ins, failed sign-ins and changes with their actor', async () => {
    // given
    const started = new Date(Date.now() - 1000).toISOString();
    const unit = '000.22.20.H15';
    // when: a failed sign-in, a change and its undoing (the failure first: a password check takes
    // a good part of this server's 2-second token life at scrypt N=2^17 on a loaded machine)
    await request(server.url).post('/api/auth/login').send({ username: 'head', password: 'sai-mat-khau' }).expect(401);
    const token = (
      await request(server.url).post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD }).expect(200)
    ).body.accessToken;
    const as = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
    await as(request(server.url).put(`/api/calendar/office-hours?unit=${unit}`))
      .send({
        sessions: [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
      })
      .expect(200);
    await as(request(server.url).delete(`/api/calendar/office-hours?unit=${unit}`)).expect(200);
    // then
    const audit = async (query: string) =>
      (await as(request(server.url).get(`/api/admin/audit?from=${encodeURIComponent(started)}&${query}`)).expect(200))
        .body.items;
    expect(await audit('action=auth.login_failed&subject=user:head')).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor: null, action: 'auth.login_failed' })]),
    );
    expect(await audit('actor=admin&action=auth.login')).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor: 'admin', action: 'auth.login' })]),
    );
    expect(await audit('actor=admin&action=calendar.office-hours')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'calendar.office-hours.updated', subject: `unit:${unit}` }),
        expect.objectContaining({ action: 'calendar.office-hours.reset', subject: `unit:${unit}` }),
      ]),
    );
  });
});
