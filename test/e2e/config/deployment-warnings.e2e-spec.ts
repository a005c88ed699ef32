import request from 'supertest';
import { startTestServer, type TestServer } from '../../support/test-app';
import { login } from '../admin.helpers';
import { DEMO_PASSWORD } from '../workflow.helpers';

/** Issue 20 item 4: while PUBLIC_URL is the default, administrators are told (QR codes point to localhost). */
describe('deployment warnings for administrators (e2e)', () => {
  let server: TestServer;
  const saved = process.env.PUBLIC_URL;
  const tokenOf = async (username: string) =>
    `Bearer ${(await login(server, username, DEMO_PASSWORD).expect(200)).body.accessToken}`;

  beforeAll(async () => {
    delete process.env.PUBLIC_URL;
    server = await startTestServer({ runWorkers: false });
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = saved;
    await server?.close();
  });

  it('warns while PUBLIC_URL is unset, and no longer once it is set', async () => {
    const admin = await tokenOf('admin');
    const unset = await request(server.url)
      .get('/api/admin/deployment-warnings')
      .set('Authorization', admin)
      .expect(200);
    expect(unset.body).toEqual({ warnings: [{ code: 'PUBLIC_URL_DEFAULT', publicUrl: 'http://localhost:3000' }] });
    process.env.PUBLIC_URL = 'https://motcua.daklak.gov.vn';
    const set = await request(server.url).get('/api/admin/deployment-warnings').set('Authorization', admin).expect(200);
    expect(set.body).toEqual({ warnings: [] });
  });

  it('answers administrators only', async () => {
    const reception = await tokenOf('reception');
    const res = await request(server.url)
      .get('/api/admin/deployment-warnings')
      .set('Authorization', reception)
      .expect(403);
    expect(res.body.code).toBeDefined();
  });
});
