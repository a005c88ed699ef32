import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/test-app';
import { CITY, db, fixture, newOfficers, openTask, signIn, withKey, type Api } from './workflow.helpers';

jest.setTimeout(60_000);

interface MigrationReport {
  migrated: string[];
  refused: { instanceId: string; code: string; message: string }[];
}

/** Feature: an administrator moves waiting instances to a later version with an element-id mapping (issue 8). */
describe('instance migration (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let reception: Api;
  let specialist: Api;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signIn(server, 'admin');
    [{ api: reception }] = await newOfficers(server, 1, ['reception'], CITY);
    [{ api: specialist }] = await newOfficers(server, 1, ['specialist'], CITY);
  });
  afterAll(() => server?.close());

  /** Deploys v1 and v2 of the migration fixture under a fresh key. */
  const deployBoth = async (between?: (key: string) => Promise<void>) => {
    const key = `migration-${randomUUID().slice(0, 8)}`;
    await admin.deployXml(withKey(fixture('migration-v1.bpmn'), 'migration', key)).expect(201);
    await between?.(key);
    await admin.deployXml(withKey(fixture('migration-v2.bpmn'), 'migration', key)).expect(201);
    return key;
  };
  const start = async (key: string) =>
    (await admin.post('/api/instances', { definitionKey: key, variables: { receivingUnit: CITY } }).expect(201)).body
      .id as string;
  const message = (id: string, messageName: string) =>
    admin.post(`/api/instances/${id}/messages`, { messageName }).expect(200);
  const complete = async (officer: Api, id: string, elementId: string, variables: Record<string, unknown> = {}) => {
    const task = await openTask(admin, id, elementId);
    await officer.post(`/api/tasks/${task.id}/complete`, { variables }).expect(200);
    return task;
  };
  /** Everything a migration may touch, for "stays exactly as it was". */
  const rowsOf = async (id: string) => ({
    instance: await db(server).query(
      `SELECT definition_id, version, state, variables, waiting_messages, rev, status FROM process_instances WHERE id = $1`,
      [id],
    ),
    tasks: await db(server).query(`SELECT id, element_id, name, status FROM tasks WHERE instance_id = $1 ORDER BY id`, [
      id,
    ]),
    jobs: await db(server).query(`SELECT id, element_id, status FROM jobs WHERE instance_id = $1 ORDER BY id`, [id]),
    history: await db(server).query(`SELECT id, type FROM history_events WHERE instance_id = $1 ORDER BY id`, [id]),
  });
  const body = (key: string, extra: object) => ({ definitionKey: key, fromVersion: 1, toVersion: 2, ...extra });

  it('moves waiting instances to version 2, where they finish through a step only version 2 has', async () => {
    // given two instances of v1: one waiting at Task_Receive and for the fee, one whose fee already reached the join
    let waiting = '';
    let paid = '';
    const key = await deployBoth(async (k) => {
      waiting = await start(k);
      paid = await start(k);
      await message(paid, 'fee-paid');
    });
    const receiveTask = await openTask(admin, waiting, 'Task_Receive');
    const before = await rowsOf(waiting);

    // when the administrator asks for the plan, then both would migrate and nothing has changed
    const mapping = { Task_Receive: 'Task_Intake' };
    const plan = (await admin.post('/api/admin/migrations/plan', body(key, { mapping })).expect(200))
      .body as MigrationReport;
    expect(plan).toEqual({ migrated: [waiting, paid], refused: [] });
    expect(await rowsOf(waiting)).toEqual(before);

    // when they are migrated
    const report = (await admin.post('/api/admin/migrations', body(key, { mapping })).expect(200))
      .body as MigrationReport;

    // then both run on version 2, the open task is the same row on Task_Intake, the message wait has v2's name
    expect(report).toEqual({ migrated: [waiting, paid], refused: [] });
    const after = await rowsOf(waiting);
    expect(after.instance[0]).toMatchObject({
      version: 2,
      waiting_messages: ['fee-paid-v2'],
      rev: before.instance[0].rev + 1,
    });
    expect(after.tasks).toEqual([
      { id: receiveTask.id, element_id: 'Task_Intake', name: 'Tiếp nhận (mới)', status: 'open' },
    ]);
    const [migratedRecord] = await db(server).query(
      `SELECT actor, data FROM history_events WHERE instance_id = $1 AND type = 'instance.migrated'`,
      [waiting],
    );
    expect(migratedRecord).toEqual({
      actor: 'admin',
      data: { fromVersion: 1, toVersion: 2, elements: { Task_Receive: 'Task_Intake', Catch_Paid: 'Catch_Paid' } },
    });

    // and the audit log has both deployments and the migration, with who did them (issue 19 item 6); the plan left none
    const audit = (await admin.get(`/api/admin/audit?subject=${encodeURIComponent(`definition:${key}`)}`).expect(200))
      .body.items as { action: string; actor: string; data: Record<string, unknown> }[];
    expect(audit.map((entry) => [entry.action, entry.actor, entry.data]).reverse()).toEqual([
      ['definition.deployed', 'admin', expect.objectContaining({ key, version: 1 })],
      ['definition.deployed', 'admin', expect.objectContaining({ key, version: 2 })],
      [
        'instances.migrated',
        'admin',
        expect.objectContaining({ fromVersion: 1, toVersion: 2, migrated: 2, refused: 0 }),
      ],
    ]);

    // when the steps go on, then Task_Check (v2 only) comes next and both instances complete on v2
    for (const id of [waiting, paid]) {
      await complete(reception, id, 'Task_Intake');
      await complete(reception, id, 'Task_Check');
    }
    await message(waiting, 'fee-paid-v2');
    for (const id of [waiting, paid]) {
      await complete(specialist, id, 'Task_Review', { wait: false });
      const view = (await admin.get(`/api/instances/${id}`).expect(200)).body;
      expect(view).toMatchObject({ status: 'completed', version: 2 });
    }
  });

  it('refuses an instance it cannot map and leaves it exactly as it was, while another instance of the request migrates', async () => {
    // given one v1 instance at Task_Receive (gone in v2) and one at Task_Review (kept in v2)
    let atReceive = '';
    let atReview = '';
    const key = await deployBoth(async (k) => {
      atReceive = await start(k);
      atReview = await start(k);
      await complete(reception, atReview, 'Task_Receive');
      await message(atReview, 'fee-paid');
    });
    const before = await rowsOf(atReceive);

    // when the plan is asked for, then it foresees the same refusal
    const plan = (
      await admin.post('/api/admin/migrations/plan', body(key, { instanceIds: [atReceive, atReview] })).expect(200)
    ).body as MigrationReport;
    expect(plan).toEqual({
      migrated: [atReview],
      refused: [expect.objectContaining({ instanceId: atReceive, code: 'MIGRATION_UNMAPPED_ELEMENT' })],
    });

    // when both are migrated without a mapping
    const report = (
      await admin.post('/api/admin/migrations', body(key, { instanceIds: [atReceive, atReview] })).expect(200)
    ).body as MigrationReport;

    // then the one at Task_Receive is refused, naming the element, and none of its rows changed
    expect(report.migrated).toEqual([atReview]);
    expect(report.refused).toEqual([
      { instanceId: atReceive, code: 'MIGRATION_UNMAPPED_ELEMENT', message: expect.stringContaining('Task_Receive') },
    ]);
    expect(await rowsOf(atReceive)).toEqual(before);
    expect((await rowsOf(atReview)).instance[0].version).toBe(2);

    // and it still runs on version 1: its v1 message leads to v1's Task_Review
    await complete(reception, atReceive, 'Task_Receive');
    await message(atReceive, 'fee-paid');
    expect(await openTask(admin, atReceive, 'Task_Review')).toMatchObject({ elementId: 'Task_Review' });
    expect((await rowsOf(atReceive)).instance[0].version).toBe(1);
  });

  it('moves a pending timer job with its renamed element, keeping its due time', async () => {
    // given an instance waiting on Timer_Wall of v1, and a v2 where that timer is Timer_TwoHours
    const key = `migration-timer-${randomUUID().slice(0, 8)}`;
    const v1 = withKey(fixture('timer-catch.bpmn'), 'timer-catch', key);
    await admin.deployXml(v1).expect(201);
    const id = await start(key);
    await admin.deployXml(v1.split('"Timer_Wall"').join('"Timer_TwoHours"')).expect(201);
    const jobsOf = () =>
      db(server).query(`SELECT id, element_id, due_at, status FROM jobs WHERE instance_id = $1 AND kind = 'timer'`, [
        id,
      ]);
    const [before] = await jobsOf();

    // when a worker holds the job, then the instance is not in a wait state and is refused
    await db(server).query(
      `UPDATE jobs SET status = 'running', locked_by = 'a-worker', locked_until = now() + interval '1 minute' WHERE id = $1`,
      [before.id],
    );
    const busy = (
      await admin
        .post('/api/admin/migrations/plan', body(key, { mapping: { Timer_Wall: 'Timer_TwoHours' } }))
        .expect(200)
    ).body;
    expect(busy.refused).toEqual([expect.objectContaining({ instanceId: id, code: 'MIGRATION_NOT_WAITING' })]);
    await db(server).query(`UPDATE jobs SET status = 'pending', locked_by = NULL, locked_until = NULL WHERE id = $1`, [
      before.id,
    ]);

    // when migrated with Timer_Wall → Timer_TwoHours
    const report = (
      await admin.post('/api/admin/migrations', body(key, { mapping: { Timer_Wall: 'Timer_TwoHours' } })).expect(200)
    ).body;

    // then the same pending job now belongs to Timer_TwoHours, due when it was
    expect(report).toEqual({ migrated: [id], refused: [] });
    expect(await jobsOf()).toEqual([{ ...before, element_id: 'Timer_TwoHours' }]);
    expect(before).toMatchObject({ element_id: 'Timer_Wall', status: 'pending' });
  });

  it('refuses a user task mapped to a timer, an already migrated instance, and bad requests', async () => {
    // given an instance of v1 at Task_Receive
    let id = '';
    const key = await deployBoth(async (k) => {
      id = await start(k);
    });
    const before = await rowsOf(id);

    // when its user task is mapped onto a timer catch, then it is refused as incompatible and unchanged
    const incompatible = (
      await admin.post('/api/admin/migrations', body(key, { mapping: { Task_Receive: 'Timer_Wait' } })).expect(200)
    ).body;
    expect(incompatible.refused).toEqual([
      { instanceId: id, code: 'MIGRATION_INCOMPATIBLE', message: expect.stringContaining('userTask') },
    ]);
    expect(await rowsOf(id)).toEqual(before);

    // when it is migrated, then a second migration from version 1 refuses it
    await admin.post('/api/admin/migrations', body(key, { mapping: { Task_Receive: 'Task_Intake' } })).expect(200);
    const again = (await admin.post('/api/admin/migrations', body(key, { instanceIds: [id] })).expect(200)).body;
    expect(again.refused).toEqual([expect.objectContaining({ instanceId: id, code: 'MIGRATION_WRONG_VERSION' })]);

    // and versions must go forward, exist, and only administrators may migrate
    expect(
      (await admin.post('/api/admin/migrations', { definitionKey: key, fromVersion: 2, toVersion: 1 }).expect(400)).body
        .code,
    ).toBe('MIGRATION_VERSION_ORDER');
    expect(
      (await admin.post('/api/admin/migrations/plan', { definitionKey: key, fromVersion: 1, toVersion: 3 }).expect(404))
        .body.code,
    ).toBe('DEFINITION_NOT_FOUND');
    await reception.post('/api/admin/migrations', body(key, {})).expect(403);
  });
});
