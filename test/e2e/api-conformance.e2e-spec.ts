import request from 'supertest';
import { JobRunner, ServiceTaskRegistry } from '../../libs/workflow/src';
import { conforms } from '../support/openapi-conformance';
import { startTestServer, type TestServer } from '../support/test-app';
import { login, uniqueName } from './admin.helpers';
import { db, DEMO_PASSWORD, fixture, newOfficers, withKey } from './workflow.helpers';

jest.setTimeout(120_000);

interface Client {
  send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: object | string): request.Test;
}

/**
 * Feature: the answers of the workflow, calendar, administration and operations routes are
 * what docs/openapi.json declares (issue 17 item 1): every status declared, every body matching
 * its schema with no undeclared field, every error code among those the route lists. The web
 * app's types are generated from that document, so a drift here is a wrong type there.
 */
describe('OpenAPI conformance of the workflow, calendar and admin routes (e2e)', () => {
  let server: TestServer;
  let admin: Client;

  const clientOf = (token: string | null): Client => ({
    send: (method, path, body) => {
      const test = request(server.url)[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path);
      if (token) test.set('Authorization', `Bearer ${token}`);
      if (typeof body === 'string') return test.set('Content-Type', 'text/xml').send(body);
      return body === undefined ? test : test.send(body);
    },
  });
  /** Sends, expects `status`, and checks the answer against the document's `template`. */
  const call = async (
    who: Client,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    template: string,
    path: string,
    status: number,
    body?: object | string,
  ) => {
    const res = await who.send(method, path, body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    return conforms(res, method, template);
  };
  const jobOf = async (instanceId: string, kind: string) =>
    (await db(server).query(`SELECT id FROM jobs WHERE instance_id = $1 AND kind = $2`, [instanceId, kind]))[0]
      .id as string;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    admin = clientOf((await login(server, 'admin', DEMO_PASSWORD).expect(200)).body.accessToken);
  });
  afterAll(() => server?.close());

  it('definitions, instances, incidents, operations, migrations, messages and signals answer as declared', async () => {
    // given a process whose service task has no handler yet
    const key = uniqueName('contract');
    const xml = withKey(withKey(fixture('workflow-service-task.bpmn'), 'service-task', key), 'svc-topic', key);
    const deployed = await call(admin, 'POST', '/api/definitions', '/api/definitions', 201, xml);
    expect(deployed.body).toMatchObject({ key, version: 1, unchanged: false });
    await call(admin, 'POST', '/api/definitions', '/api/definitions', 400, '<definitions');
    await call(admin, 'POST', '/api/definitions/validate', '/api/definitions/validate', 200, xml);
    await call(admin, 'POST', '/api/definitions/validate', '/api/definitions/validate', 400, 'not xml at all');
    expect((await call(admin, 'GET', '/api/definitions', `/api/definitions?key=${key}`, 200)).body.total).toBe(1);
    await call(admin, 'GET', '/api/definitions', '/api/definitions?limit=0', 400);
    await call(admin, 'GET', '/api/definitions/{key}/ownership', `/api/definitions/${key}/ownership`, 200);
    await call(admin, 'GET', '/api/definitions/{key}/ownership', '/api/definitions/no-such-key/ownership', 404);
    await call(admin, 'PUT', '/api/definitions/{key}/partners', `/api/definitions/${key}/partners`, 200, {
      unitCodes: [],
    });
    await call(admin, 'PUT', '/api/definitions/{key}/partners', `/api/definitions/${key}/partners`, 400, {
      unitCodes: ['NO-SUCH-UNIT'],
    });
    expect(
      (await call(admin, 'GET', '/api/definitions/{key}/xml', `/api/definitions/${key}/xml?version=1`, 200)).text,
    ).toContain(key);
    await call(admin, 'GET', '/api/definitions/{key}/xml', `/api/definitions/${key}/xml?version=9`, 404);

    // when an instance starts and its service task fails: an incident
    const businessKey = uniqueName('HS-CONTRACT');
    const started = await call(admin, 'POST', '/api/instances', '/api/instances', 201, {
      definitionKey: key,
      businessKey,
    });
    const instanceId = started.body.id as string;
    await call(admin, 'POST', '/api/instances', '/api/instances', 404, { definitionKey: 'no-such-key' });
    await call(admin, 'POST', '/api/instances', '/api/instances', 400, {});
    await server.app.get(JobRunner).run(await jobOf(instanceId, 'service'));
    await call(admin, 'GET', '/api/admin/operations/summary', '/api/admin/operations/summary', 200);
    await call(
      admin,
      'GET',
      '/api/admin/operations/jobs',
      `/api/admin/operations/jobs?state=failed&q=${businessKey}`,
      200,
    );
    await call(admin, 'GET', '/api/admin/operations/jobs', '/api/admin/operations/jobs?state=lost', 400);
    const incidents = await call(
      admin,
      'GET',
      '/api/admin/operations/incidents',
      `/api/admin/operations/incidents?q=${businessKey}`,
      200,
    );
    const incidentId = incidents.body.items[0].id as string;
    await call(admin, 'GET', '/api/incidents', '/api/incidents?status=all', 200);
    await call(admin, 'GET', '/api/incidents', '/api/incidents?status=maybe', 400);
    await call(
      admin,
      'POST',
      '/api/admin/operations/incidents/{id}/retry',
      `/api/admin/operations/incidents/${incidentId}/retry`,
      400,
      {},
    );
    await call(
      admin,
      'POST',
      '/api/incidents/{id}/retry',
      '/api/incidents/00000000-0000-0000-0000-000000000000/retry',
      404,
    );

    // then the retry, the instance with its task and history, and the refusals answer as declared
    server.app.get(ServiceTaskRegistry).register(key, async () => ({ registered: true }));
    await call(admin, 'POST', '/api/incidents/{id}/retry', `/api/incidents/${incidentId}/retry`, 200);
    await call(
      admin,
      'POST',
      '/api/admin/operations/incidents/{id}/retry',
      `/api/admin/operations/incidents/${incidentId}/retry`,
      409,
      { reason: 'lần nữa' },
    );
    await server.app.get(JobRunner).run(await jobOf(instanceId, 'service'));
    const instance = await call(admin, 'GET', '/api/instances/{id}', `/api/instances/${instanceId}`, 200);
    expect(instance.body.tasks.length).toBeGreaterThan(0);
    expect(instance.body.incidents).toEqual([expect.objectContaining({ status: 'resolved' })]);
    await call(admin, 'GET', '/api/instances/{id}', '/api/instances/not-an-id', 404);
    await call(admin, 'POST', '/api/instances/{id}/messages', `/api/instances/${instanceId}/messages`, 409, {
      messageName: 'nobody-waits',
    });
    // and its version 2 takes the waiting instance over
    await call(admin, 'POST', '/api/definitions', '/api/definitions', 201, xml);
    await call(admin, 'POST', '/api/admin/migrations/plan', '/api/admin/migrations/plan', 400, {
      definitionKey: key,
      fromVersion: 2,
      toVersion: 2,
    });
    await call(admin, 'POST', '/api/admin/migrations/plan', '/api/admin/migrations/plan', 200, {
      definitionKey: key,
      fromVersion: 1,
      toVersion: 2,
    });
    const migrated = await call(admin, 'POST', '/api/admin/migrations', '/api/admin/migrations', 200, {
      definitionKey: key,
      fromVersion: 1,
      toVersion: 2,
    });
    expect(migrated.body.migrated).toEqual([instanceId]);
    await call(admin, 'POST', '/api/admin/migrations', '/api/admin/migrations', 400, {
      definitionKey: key,
      fromVersion: 2,
      toVersion: 1,
    });
    await call(admin, 'POST', '/api/admin/migrations', '/api/admin/migrations', 404, {
      definitionKey: key,
      fromVersion: 2,
      toVersion: 7,
    });
    await call(admin, 'POST', '/api/instances/{id}/cancel', `/api/instances/${instanceId}/cancel`, 200, {
      reason: 'Kiểm tra hợp đồng API',
    });
    await call(admin, 'POST', '/api/instances/{id}/cancel', `/api/instances/${instanceId}/cancel`, 409, {});
    const refused = await call(admin, 'POST', '/api/admin/migrations/plan', '/api/admin/migrations/plan', 200, {
      definitionKey: key,
      fromVersion: 1,
      toVersion: 2,
      instanceIds: [instanceId],
    });
    expect(refused.body.refused).toEqual([expect.objectContaining({ instanceId })]);
    await call(admin, 'POST', '/api/messages', '/api/messages', 404, { messageName: uniqueName('nobody-starts') });
    await call(admin, 'POST', '/api/signals', '/api/signals', 202, { signalName: uniqueName('nobody-listens') });
    await call(admin, 'POST', '/api/signals', '/api/signals', 400, {});
  });

  it('the calendar answers as declared, its refusals with their CALENDAR_* codes', async () => {
    await call(admin, 'GET', '/api/calendar/holidays', '/api/calendar/holidays?year=2031', 200);
    await call(admin, 'GET', '/api/calendar/holidays', '/api/calendar/holidays?year=31', 400);
    await call(admin, 'PUT', '/api/calendar/holidays', '/api/calendar/holidays?year=2031', 400, {
      holidays: [{ date: '2031-13-01', name: 'x' }],
      workingDays: [],
    });
    await call(admin, 'DELETE', '/api/calendar/holidays', '/api/calendar/holidays?year=2031', 200);
    await call(admin, 'GET', '/api/calendar/office-hours', '/api/calendar/office-hours', 200);
    await call(admin, 'GET', '/api/calendar/office-hours', '/api/calendar/office-hours?unit=NO-SUCH-UNIT', 404);
    await call(admin, 'PUT', '/api/calendar/office-hours', '/api/calendar/office-hours', 400, {
      sessions: [{ start: '17:00', end: '07:00' }],
    });
    await call(
      admin,
      'GET',
      '/api/calendar/preview',
      '/api/calendar/preview?from=2027-01-04T09:00%2B07:00&duration=P2D',
      200,
    );
    await call(admin, 'GET', '/api/calendar/preview', '/api/calendar/preview?from=2027-01-04T09:00%2B07:00', 400);
    await call(admin, 'GET', '/api/calendar/preview', '/api/calendar/preview?from=yesterday&duration=P2D', 400);
  });

  it('administration, health and the guard answer as declared', async () => {
    await call(admin, 'GET', '/api/units', '/api/units', 200);
    await call(admin, 'GET', '/api/admin/units', '/api/admin/units', 200);
    await call(admin, 'POST', '/api/admin/units/{code}/deactivate', '/api/admin/units/NO-SUCH-UNIT/deactivate', 400);
    await call(admin, 'GET', '/api/admin/users', '/api/admin/users?limit=5', 200);
    await call(admin, 'GET', '/api/admin/users/{username}', '/api/admin/users/no-such-user', 404);
    await call(admin, 'GET', '/api/admin/audit', '/api/admin/audit?limit=20', 200);
    await call(admin, 'GET', '/api/admin/deployment-warnings', '/api/admin/deployment-warnings', 200);
    await call(clientOf(null), 'GET', '/health/live', '/health/live', 200);
    await call(clientOf(null), 'GET', '/health/ready', '/health/ready', 200);
    await call(clientOf(null), 'GET', '/health', '/health', 200);
    await call(clientOf(null), 'GET', '/api/definitions', '/api/definitions', 401);
    const [{ api: reception }] = await newOfficers(server, 1, ['reception']);
    conforms(await reception.get('/api/admin/operations/summary').expect(403), 'GET', '/api/admin/operations/summary');
  });
});
