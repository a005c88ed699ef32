import { AppError } from '../../../common/src';
import { InstanceDriver, loadModel } from '../../../engine/src/__tests__/engine.harness';
import type { InstanceRow } from '../persistence/instances.repository';
import type { Sql } from '../persistence/sql';
import { InstanceMigrationService, type MigrationRequest } from './instance-migration.service';
import type { MigrationWrite, VersionRecord } from './migration.repository';

/**
 * Instance migration planning without Postgres (issue 17 item 9): which instances move and which
 * are refused, and why, as given/when/then, on the engine's migration fixtures (v1 waits at
 * Task_Receive; v2 renamed it Task_Intake). The rewrite's SQL runs in test/e2e/workflow-migration*.
 */
let v1: VersionRecord;
let v2: VersionRecord;
let waiting: InstanceRow['state'];

beforeAll(async () => {
  v1 = { id: 'def-v1', version: 1, model: await loadModel('migration-v1.bpmn') };
  v2 = { id: 'def-v2', version: 2, model: await loadModel('migration-v2.bpmn') };
  waiting = (await InstanceDriver.start('migration-v1.bpmn')).state as InstanceRow['state'];
});

function instance(id: string, patch: Partial<InstanceRow> = {}): InstanceRow {
  return {
    id,
    definitionId: v1.id,
    definitionKey: 'migration',
    version: 1,
    procedureCode: null,
    businessKey: null,
    unitCode: 'H15',
    status: 'running',
    state: waiting,
    rev: 2,
    openIncidentJobs: [],
    ...patch,
  };
}

function given(rows: InstanceRow[], options: { runningJob?: string[] } = {}) {
  const writes: MigrationWrite[] = [];
  const transactions: string[] = [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const sql: Sql = { inTransaction: false, rows: async () => [] };
  const repository = {
    version: async (_sql: Sql, _key: string, version: number) => ({ 1: v1, 2: v2 })[version] ?? null,
    runningIds: async () =>
      rows.filter((row) => row.status === 'running' || row.status === 'incident').map((row) => row.id),
    hasRunningJob: async (_sql: Sql, id: string) => (options.runningJob ?? []).includes(id),
    write: async (_sql: Sql, write: MigrationWrite) => void writes.push(write),
  };
  const executor = {
    sql,
    now: () => new Date('2025-06-03T02:00:00Z'),
    transaction: async <T>(work: (tx: Sql) => Promise<T>) => {
      transactions.push('tx');
      return work({ inTransaction: true, rows: async () => [] });
    },
  };
  const instances = { load: async (_sql: Sql, id: string) => byId.get(id) ?? null };
  const service = new InstanceMigrationService(executor as never, instances as never, repository as never);
  return { service, writes, transactions };
}

const REQUEST: MigrationRequest = {
  definitionKey: 'migration',
  fromVersion: 1,
  toVersion: 2,
  mapping: { Task_Receive: 'Task_Intake' },
};

describe('InstanceMigrationService', () => {
  it('given waiting instances of v1, when migrated to v2 with a mapping, then each is rewritten in its own transaction', async () => {
    // given
    const { service, writes, transactions } = given([instance('a'), instance('b')]);
    // when
    const report = await service.migrate(REQUEST, 'admin');
    // then
    expect(report).toEqual({ migrated: ['a', 'b'], refused: [] });
    expect(transactions).toHaveLength(2);
    expect(writes.map((w) => [w.instanceId, w.to.id, w.fromVersion, w.elements.Task_Receive, w.actor])).toEqual([
      ['a', 'def-v2', 1, 'Task_Intake', 'admin'],
      ['b', 'def-v2', 1, 'Task_Intake', 'admin'],
    ]);
  });

  it('given instances that cannot move, when migrated, then each is refused with its reason and the others still move', async () => {
    // given one of each refusal beside one that can move
    const { service, writes } = given(
      [
        instance('ok'),
        instance('busy'),
        instance('broken', { status: 'incident' }),
        instance('old', { definitionId: 'def-v0', version: 0 }),
        instance('done', { status: 'completed' }),
      ],
      { runningJob: ['busy'] },
    );
    // when
    const report = await service.migrate(
      { ...REQUEST, instanceIds: ['ok', 'busy', 'broken', 'old', 'done', 'ghost', 'ok'] },
      'admin',
    );
    // then
    expect(report.migrated).toEqual(['ok']);
    expect(report.refused.map((r) => [r.instanceId, r.code])).toEqual([
      ['busy', 'MIGRATION_NOT_WAITING'],
      ['broken', 'MIGRATION_NOT_WAITING'],
      ['old', 'MIGRATION_WRONG_VERSION'],
      ['done', 'MIGRATION_NOT_RUNNING'],
      ['ghost', 'INSTANCE_NOT_FOUND'],
    ]);
    expect(writes.map((w) => w.instanceId)).toEqual(['ok']);
  });

  it('given a mapping the new version cannot take, when planned, then the engine refusal is the instance refusal', async () => {
    const { service } = given([instance('a')]);
    const report = await service.plan({ ...REQUEST, mapping: { Task_Receive: 'No_Such_Element' } });
    expect(report.migrated).toEqual([]);
    expect(report.refused).toEqual([
      { instanceId: 'a', code: expect.stringMatching(/^MIGRATION_/), message: expect.any(String) },
    ]);
  });

  it('when dry-run, then the decisions are the same and nothing is written, outside any transaction', async () => {
    const { service, writes, transactions } = given([instance('a'), instance('b', { status: 'incident' })]);
    const report = await service.plan(REQUEST);
    expect(report).toEqual({
      migrated: ['a'],
      refused: [expect.objectContaining({ instanceId: 'b', code: 'MIGRATION_NOT_WAITING' })],
    });
    expect(writes).toEqual([]);
    expect(transactions).toEqual([]);
  });

  it('given versions out of order or missing, when migrated, then 400 MIGRATION_VERSION_ORDER or 404 DEFINITION_NOT_FOUND', async () => {
    const { service } = given([]);
    await expect(service.migrate({ ...REQUEST, fromVersion: 2, toVersion: 1 }, null)).rejects.toMatchObject({
      status: 400,
      code: 'MIGRATION_VERSION_ORDER',
    });
    await expect(service.migrate({ ...REQUEST, toVersion: 7 }, null)).rejects.toBeInstanceOf(AppError);
    await expect(service.migrate({ ...REQUEST, toVersion: 7 }, null)).rejects.toMatchObject({
      status: 404,
      code: 'DEFINITION_NOT_FOUND',
    });
  });
});
