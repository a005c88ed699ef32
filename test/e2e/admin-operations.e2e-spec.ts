import request from 'supertest';
import { JobRunner, ServiceTaskRegistry } from '../../libs/workflow/src';
import { startTestServer, type TestServer } from '../support/test-app';
import { login, uniqueName } from './admin.helpers';
import { db, DEMO_PASSWORD, fixture, withKey } from './workflow.helpers';

jest.setTimeout(120_000);

interface Client {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  deployXml(xml: string): request.Test;
}

async function clientOf(server: TestServer, username: string): Promise<Client> {
  const auth = `Bearer ${(await login(server, username, DEMO_PASSWORD).expect(200)).body.accessToken}`;
  return {
    get: (path) => request(server.url).get(path).set('Authorization', auth),
    post: (path, body) =>
      request(server.url)
        .post(path)
        .set('Authorization', auth)
        .send(body ?? {}),
    deployXml: (xml) =>
      request(server.url).post('/api/definitions').set('Authorization', auth).set('Content-Type', 'text/xml').send(xml),
  };
}

/**
 * Feature: the operations page's API (issue 10 item 4) — jobs waiting and overdue, incidents
 * with their job kind and dossier, and a retry that records its reason. Workers are off: the
 * test runs the jobs itself, so nothing moves behind its back.
 */
describe('admin operations (e2e)', () => {
  let server: TestServer;
  let admin: Client;

  const start = async (key: string, businessKey: string) =>
    (await admin.post('/api/instances', { definitionKey: key, businessKey }).expect(201)).body.id as string;
  const jobOf = async (instanceId: string, kind: string) =>
    (await db(server).query(`SELECT id FROM jobs WHERE instance_id = $1 AND kind = $2`, [instanceId, kind]))[0]
      .id as string;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    admin = await clientOf(server, 'admin');
  });
  afterAll(() => server?.close());

  it('lists a failed service task as an open incident, retries it with a reason, and audits the reason', async () => {
    // given a service task whose topic has no handler, run once: an incident opens
    const key = uniqueName('ops-svc');
    await admin
      .deployXml(withKey(withKey(fixture('workflow-service-task.bpmn'), 'service-task', key), 'svc-topic', key))
      .expect(201);
    const businessKey = uniqueName('HS-OPS');
    const instanceId = await start(key, businessKey);
    await server.app.get(JobRunner).run(await jobOf(instanceId, 'service'));

    // when the administrator lists incidents of that dossier
    const listed = await admin.get(`/api/admin/operations/incidents?q=${businessKey}`).expect(200);
    // then the incident shows its job kind, process and dossier
    expect(listed.body).toEqual({
      total: 1,
      items: [
        expect.objectContaining({
          code: 'HANDLER_NOT_FOUND',
          status: 'open',
          jobKind: 'service',
          businessKey,
          definitionKey: key,
          instanceId,
        }),
      ],
    });
    const incidentId = listed.body.items[0].id as string;
    expect(
      (await admin.get(`/api/admin/operations/incidents?q=${businessKey}&kind=deadline`).expect(200)).body.total,
    ).toBe(0);

    // when a retry comes without a reason, then it is refused and the incident stays open
    expect((await admin.post(`/api/admin/operations/incidents/${incidentId}/retry`, {}).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await admin.get(`/api/admin/operations/incidents?q=${businessKey}`).expect(200)).body.items[0].status).toBe(
      'open',
    );

    // when the handler is deployed and the administrator retries with a reason
    server.app.get(ServiceTaskRegistry).register(key, async () => ({ registered: true }));
    const retried = await admin
      .post(`/api/admin/operations/incidents/${incidentId}/retry`, { reason: 'Đã cài bộ xử lý cho hệ thống đăng ký' })
      .expect(200);
    expect(retried.body).toMatchObject({ id: incidentId, status: 'resolved', resolvedBy: 'admin' });
    await server.app.get(JobRunner).run(await jobOf(instanceId, 'service'));

    // then the instance goes on, the incident is resolved, and the reason is in the audit trail
    const instance = (await admin.get(`/api/instances/${instanceId}`).expect(200)).body;
    expect(instance.tasks.map((t: { elementId: string }) => t.elementId)).toEqual(['Task_After']);
    expect((await admin.get(`/api/admin/operations/incidents?q=${businessKey}`).expect(200)).body.total).toBe(0);
    expect(
      (await admin.get(`/api/admin/operations/incidents?q=${businessKey}&status=resolved`).expect(200)).body.total,
    ).toBe(1);
    const audit = await admin.get(`/api/admin/audit?subject=incident:${incidentId}`).expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actor: 'admin',
        action: 'incident.retried',
        data: expect.objectContaining({ reason: 'Đã cài bộ xử lý cho hệ thống đăng ký', code: 'HANDLER_NOT_FOUND' }),
      }),
    ]);

    // and a second retry is refused with a stable code
    expect(
      (await admin.post(`/api/admin/operations/incidents/${incidentId}/retry`, { reason: 'lần nữa' }).expect(409)).body
        .code,
    ).toBe('INCIDENT_NOT_OPEN');
    expect(
      (
        await admin
          .post(`/api/admin/operations/incidents/00000000-0000-0000-0000-000000000000/retry`, { reason: 'x' })
          .expect(404)
      ).body.code,
    ).toBe('INCIDENT_NOT_FOUND');
  });

  it('lists timers waiting, and as overdue once past due without being run, with counts', async () => {
    // given two instances waiting an hour on a timer
    const key = uniqueName('ops-timer');
    await admin
      .deployXml(withKey(fixture('workflow-timer.bpmn'), 'timer-wait', key).replace('PT1S', 'PT1H'))
      .expect(201);
    const late = uniqueName('HS-LATE');
    const onTime = uniqueName('HS-WAIT');
    const lateId = await start(key, late);
    await start(key, onTime);
    const before = (await admin.get('/api/admin/operations/summary').expect(200)).body;

    // when one timer's due time passes without it being run (a worker outage)
    await db(server).query(`UPDATE jobs SET due_at = now() - interval '10 minutes' WHERE id = $1`, [
      await jobOf(lateId, 'timer'),
    ]);

    // then it is overdue, the other is waiting, and the counts moved by one
    const overdue = await admin.get(`/api/admin/operations/jobs?state=overdue&q=${key}`).expect(200);
    expect(overdue.body).toEqual({
      total: 1,
      items: [
        expect.objectContaining({
          kind: 'timer',
          status: 'pending',
          businessKey: late,
          definitionKey: key,
          elementId: 'Timer_Wait',
        }),
      ],
    });
    const waiting = await admin.get(`/api/admin/operations/jobs?state=waiting&q=${key}`).expect(200);
    expect(waiting.body.items.map((j: { businessKey: string }) => j.businessKey)).toEqual([onTime]);
    expect(
      (await admin.get(`/api/admin/operations/jobs?state=waiting&q=${key}&kind=service`).expect(200)).body.total,
    ).toBe(0);
    const after = (await admin.get('/api/admin/operations/summary').expect(200)).body;
    expect(after.jobs.overdue - before.jobs.overdue).toBe(1);
    expect(after.jobs.waiting - before.jobs.waiting).toBe(-1);
  });

  it('lists SMS the gateway keeps refusing and sends one now, with the reason audited', async () => {
    // given a receipt SMS refused twice by the gateway, next try in ten minutes, and one already sent
    const code = uniqueName('SMS-OPS');
    const [{ id }] = await db(server).query(
      `INSERT INTO sms_outbox (code, kind, phone, appointment_at, attempts, last_error, next_attempt_at)
       VALUES ($1, 'received', '0905123456', now() + interval '3 days', 2, 'gateway answered 503', now() + interval '10 minutes') RETURNING id::text`,
      [code],
    );
    const [{ id: sentId }] = await db(server).query(
      `INSERT INTO sms_outbox (code, kind, phone, appointment_at, attempts, status, sent_at) VALUES ($1, 'received', '0905123456', now(), 1, 'sent', now()) RETURNING id::text`,
      [code],
    );

    // when the administrator lists failing SMS of that dossier
    const listed = await admin.get(`/api/admin/operations/sms?q=${code}`).expect(200);
    // then only the failing one is there, with its error
    expect(listed.body).toEqual({
      total: 1,
      items: [expect.objectContaining({ id, code, kind: 'received', attempts: 2, lastError: 'gateway answered 503' })],
    });

    // when they send it now without a reason, then it is refused and nothing moves
    expect((await admin.post(`/api/admin/operations/sms/${id}/retry`, {}).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const [{ due }] = await db(server).query(`SELECT next_attempt_at > now() AS due FROM sms_outbox WHERE id = $1`, [
      id,
    ]);
    expect(due).toBe(true);

    // when they send it now with a reason, then it is due at once and the reason is audited
    await admin.post(`/api/admin/operations/sms/${id}/retry`, { reason: 'Nhà mạng đã khắc phục' }).expect(200);
    const [{ waiting }] = await db(server).query(
      `SELECT next_attempt_at > now() AS waiting FROM sms_outbox WHERE id = $1`,
      [id],
    );
    expect(waiting).toBe(false);
    const audit = await admin.get(`/api/admin/audit?subject=dossier:${code}&action=sms.retried`).expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actor: 'admin',
        data: expect.objectContaining({ smsId: id, reason: 'Nhà mạng đã khắc phục' }),
      }),
    ]);

    // and a sent message or an unknown one is refused with a stable code
    expect((await admin.post(`/api/admin/operations/sms/${sentId}/retry`, { reason: 'x' }).expect(409)).body.code).toBe(
      'SMS_NOT_FAILING',
    );
    expect(
      (await admin.post('/api/admin/operations/sms/999999999999/retry', { reason: 'x' }).expect(404)).body.code,
    ).toBe('SMS_NOT_FOUND');
    expect((await admin.post('/api/admin/operations/sms/abc/retry', { reason: 'x' }).expect(404)).body.code).toBe(
      'SMS_NOT_FOUND',
    );
  });

  it('refuses bad filters with 400 and non-administrators with 403', async () => {
    expect((await admin.get('/api/admin/operations/jobs?state=late').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await admin.get('/api/admin/operations/incidents?status=closed').expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const reception = await clientOf(server, 'reception');
    await reception.get('/api/admin/operations/summary').expect(403);
    await reception.get('/api/admin/operations/sms').expect(403);
    await reception
      .post('/api/admin/operations/incidents/00000000-0000-0000-0000-000000000000/retry', { reason: 'x' })
      .expect(403);
  });
});
