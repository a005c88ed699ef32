import { JobRunner } from '../../libs/workflow/src';
import { startTestServer, type TestServer } from '../support/test-app';
import { uniqueName } from './admin.helpers';
import { db, fixture, openTask, signIn, withKey, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

/**
 * Feature: retry and cancel many by filter, a dry run first (issue 19 item 4). The dry run answers
 * exactly what the real run then changes, and changes nothing itself. Workers are off: the test
 * runs the jobs itself.
 */
describe('bulk retry and cancel by filter (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let reception: Api;

  const statusOf = async (id: string) =>
    (await db(server).query(`SELECT status FROM process_instances WHERE id = $1`, [id]))[0].status as string;
  const ids = (items: { id: string }[]) => items.map((x) => x.id).sort();

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    [admin, reception] = await Promise.all(['admin', 'reception'].map((u) => signIn(server, u)));
  });
  afterAll(() => server?.close());

  it('given three instances in incident, a dry run lists their incidents and retries none; the real run retries each and audits it', async () => {
    const key = uniqueName('bulk-svc');
    await admin
      .deployXml(withKey(withKey(fixture('workflow-service-task.bpmn'), 'service-task', key), 'svc-topic', key))
      .expect(201);
    const prefix = uniqueName('HS-BULK');
    const instances: string[] = [];
    for (const n of [1, 2, 3]) {
      const id = (await admin.post('/api/instances', { definitionKey: key, businessKey: `${prefix}-${n}` }).expect(201))
        .body.id as string;
      const job = (await db(server).query(`SELECT id FROM jobs WHERE instance_id = $1 AND kind = 'service'`, [id]))[0]
        .id as string;
      await server.app.get(JobRunner).run(job);
      instances.push(id);
    }
    const open = (await admin.get(`/api/admin/operations/incidents?q=${prefix}`).expect(200)).body as {
      items: { id: string }[];
      total: number;
    };
    expect(open.total).toBe(3);

    // when the administrator asks for a dry run
    const dry = await admin
      .post('/api/admin/operations/incidents/bulk-retry', {
        dryRun: true,
        reason: 'Hệ thống đăng ký đã hoạt động lại',
        q: prefix,
      })
      .expect(200);

    // then it names the three incidents and changes nothing
    expect(dry.body).toMatchObject({ dryRun: true, total: 3, retried: 0, failed: [] });
    expect(ids(dry.body.items)).toEqual(ids(open.items));
    expect((await admin.get(`/api/admin/operations/incidents?q=${prefix}`).expect(200)).body.total).toBe(3);
    expect(await Promise.all(instances.map(statusOf))).toEqual(['incident', 'incident', 'incident']);

    // when the real run comes
    const run = await admin
      .post('/api/admin/operations/incidents/bulk-retry', {
        dryRun: false,
        reason: 'Hệ thống đăng ký đã hoạt động lại',
        q: prefix,
      })
      .expect(200);

    // then the same three are retried, the instances run again, and each retry is in the audit trail
    expect(run.body).toMatchObject({ dryRun: false, total: 3, retried: 3, failed: [] });
    expect(ids(run.body.items)).toEqual(ids(open.items));
    expect((await admin.get(`/api/admin/operations/incidents?q=${prefix}`).expect(200)).body.total).toBe(0);
    expect(await Promise.all(instances.map(statusOf))).toEqual(['running', 'running', 'running']);
    const audit = await admin.get(`/api/admin/audit?subject=incident:${open.items[0].id}`).expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'incident.retried',
        data: expect.objectContaining({ reason: 'Hệ thống đăng ký đã hoạt động lại', bulk: true }),
      }),
    ]);

    // and a second run finds nothing left to retry
    expect(
      (
        await admin
          .post('/api/admin/operations/incidents/bulk-retry', { dryRun: false, reason: 'lần nữa', q: prefix })
          .expect(200)
      ).body,
    ).toMatchObject({ total: 0, retried: 0, items: [] });
  });

  it('cancels only the instances waiting at the chosen element, after a dry run that names them and changes nothing', async () => {
    const key = uniqueName('bulk-pr');
    await admin.deployXml(withKey(fixture('parallel-review.bpmn'), 'parallel-review', key)).expect(201);
    const prefix = uniqueName('HS-BC');
    const started: string[] = [];
    for (const n of [1, 2, 3])
      started.push(
        (await admin.post('/api/instances', { definitionKey: key, businessKey: `${prefix}-${n}` }).expect(201)).body
          .id as string,
      );
    // the third has moved on past the intake
    const intake = await openTask(admin, started[2], 'Task_TiepNhan');
    await reception.post(`/api/tasks/${intake.id}/claim`).expect(200);
    await reception.post(`/api/tasks/${intake.id}/complete`, { variables: { approved: true } }).expect(200);
    const filter = { definitionKey: key, elementId: 'Task_TiepNhan', reason: 'Thủ tục bãi bỏ' };

    // the list the screens start from shows where each one stands
    const listed = (await admin.get(`/api/admin/operations/instances?definitionKey=${key}`).expect(200)).body as {
      total: number;
      items: { id: string; businessKey: string; activeElementIds: string[] }[];
    };
    expect(listed.total).toBe(3);
    expect(listed.items.map((x) => [x.businessKey, [...x.activeElementIds].sort()])).toEqual([
      [`${prefix}-1`, ['Task_TiepNhan']],
      [`${prefix}-2`, ['Task_TiepNhan']],
      [`${prefix}-3`, ['Task_ThamDinh', 'Task_YKien']],
    ]);
    expect(
      (
        await admin.get(`/api/admin/operations/instances?definitionKey=${key}&elementId=Task_YKien`).expect(200)
      ).body.items.map((x: { id: string }) => x.id),
    ).toEqual([started[2]]);

    // when the administrator asks for a dry run of the instances waiting at the intake
    const dry = await admin
      .post('/api/admin/operations/instances/bulk-cancel', { ...filter, dryRun: true })
      .expect(200);

    // then it names the first two, and all three still run
    expect(dry.body).toMatchObject({ dryRun: true, total: 2, cancelled: 0, failed: [] });
    expect(ids(dry.body.items)).toEqual([started[0], started[1]].sort());
    expect(await Promise.all(started.map(statusOf))).toEqual(['running', 'running', 'running']);

    // when the real run comes, then those two are terminated (their tasks cancelled), the third runs on
    const run = await admin
      .post('/api/admin/operations/instances/bulk-cancel', { ...filter, dryRun: false })
      .expect(200);
    expect(run.body).toMatchObject({ dryRun: false, total: 2, cancelled: 2, failed: [] });
    expect(ids(run.body.items)).toEqual(ids(dry.body.items));
    expect(await Promise.all(started.map(statusOf))).toEqual(['terminated', 'terminated', 'running']);
    const first = (await admin.get(`/api/instances/${started[0]}`).expect(200)).body;
    expect(first.tasks.map((t: { status: string }) => t.status)).toEqual(['cancelled']);
    const audit = await admin.get(`/api/admin/audit?subject=process:${key}`).expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'instances.cancelled',
        data: expect.objectContaining({ reason: 'Thủ tục bãi bỏ', cancelled: 2 }),
      }),
    ]);

    // and a filter on the version and the dossier code narrows it further
    const byCode = await admin
      .post('/api/admin/operations/instances/bulk-cancel', {
        definitionKey: key,
        version: 1,
        q: `${prefix}-3`,
        reason: 'x',
        dryRun: true,
      })
      .expect(200);
    expect(ids(byCode.body.items)).toEqual([started[2]]);
    expect(
      (
        await admin
          .post('/api/admin/operations/instances/bulk-cancel', {
            definitionKey: key,
            version: 2,
            reason: 'x',
            dryRun: true,
          })
          .expect(200)
      ).body.total,
    ).toBe(0);
  });

  it('refuses a bulk action without its dry-run flag or its reason', async () => {
    expect(
      (await admin.post('/api/admin/operations/incidents/bulk-retry', { reason: 'x' }).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await admin.post('/api/admin/operations/incidents/bulk-retry', { dryRun: false }).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await admin.post('/api/admin/operations/instances/bulk-cancel', { dryRun: true, reason: 'x' }).expect(400)).body
        .code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (
        await reception
          .post('/api/admin/operations/instances/bulk-cancel', { dryRun: true, reason: 'x', definitionKey: 'k' })
          .expect(403)
      ).body.code,
    ).toBe('FORBIDDEN_ROLE');
  });
});
