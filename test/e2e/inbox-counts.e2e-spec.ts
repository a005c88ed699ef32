import { Client } from 'pg';
import { rebuildTaskCounts, TaskCountsFolder } from '../../libs/workflow/src/persistence/task-counts';
import { expandRoles } from '../../libs/workflow/src/persistence/role-groups';
import { startTestServer, type TestServer } from '../support/test-app';
import { TEST_DATABASE_URL } from '../support/test-env';
import { db, fixture, newOfficers, openTask, signIn, withKey, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

const CITY = '000.00.20.H15';
const ENVIRONMENT = '000.03.20.H15';

/** Keys whose kept count (folded and not) differs from the open steps, in one snapshot: 0 when exact. */
const DISAGREEING_KEYS = `SELECT count(*)::int AS n FROM (
  SELECT 1 FROM (
    SELECT unit_code, candidate_groups, assignee, open, overdue FROM task_counts
    UNION ALL SELECT unit_code, candidate_groups, assignee, open, overdue FROM task_count_changes
    UNION ALL SELECT unit_code, candidate_groups, coalesce(assignee, ''), -1, -(overdue_at IS NOT NULL)::int FROM tasks WHERE status = 'open') k
  GROUP BY unit_code, candidate_groups, assignee HAVING sum(open) <> 0 OR sum(overdue) <> 0) x`;
const FILTERS = [
  '',
  '&unassigned=true',
  '&overdue=true',
  '&unassigned=true&overdue=true',
  '&assignee=me',
  '&assignee=me&overdue=true',
  '&assignee=me&unassigned=true',
] as const;

/**
 * Feature: the inbox's `total` comes from counts kept by a trigger (ADR 0006). Whatever happens
 * to the steps — claims, completions, cancellation, deadline flags, due times moved, many officers
 * at once — the kept total equals a count of the rows, before and after the changes are folded.
 */
describe('inbox kept counts (e2e)', () => {
  let server: TestServer;
  let admin: Api;
  let officers: { username: string; api: Api; unit: string; roles: string[] }[];
  let colleagueId: string;

  /** The rows the inbox shows, counted directly: the reference the kept counts must equal. */
  const rowCount = async (
    officer: { username: string; unit: string; roles: string[] },
    filter: string,
  ): Promise<number> => {
    const where = [
      `unit_code = $1`,
      `status = 'open'`,
      `(cardinality(candidate_groups) = 0 OR candidate_groups && $2::text[])`,
    ];
    if (filter.includes('unassigned')) where.push('assignee IS NULL');
    const params: unknown[] = [officer.unit, expandRoles(officer.roles)];
    if (filter.includes('assignee=me')) where.push(`assignee = $${params.push(officer.username)}`);
    if (filter.includes('overdue')) where.push('(overdue_at IS NOT NULL OR due_at < now())');
    const [row] = await db(server).query(`SELECT count(*)::int AS n FROM tasks WHERE ${where.join(' AND ')}`, params);
    return row.n;
  };

  /** Every officer × filter: the API's total equals the rows (re-read when a deadline job moved them meanwhile). */
  const expectTotalsMatchRows = async (): Promise<void> => {
    for (const officer of officers) {
      for (const filter of FILTERS) {
        for (let attempt = 0; ; attempt++) {
          const before = await rowCount(officer, filter);
          const { body } = await officer.api.get(`/api/tasks?limit=1${filter}`).expect(200);
          const after = await rowCount(officer, filter);
          if (before !== after && attempt < 5) continue;
          expect({ who: officer.username, filter, total: body.total }).toEqual({
            who: officer.username,
            filter,
            total: after,
          });
          break;
        }
      }
    }
  };

  const fold = () => server.app.get(TaskCountsFolder).foldNow();
  const cancelAll = async (ids: string[]) => {
    for (const id of ids) {
      const { body } = await admin.get(`/api/instances/${id}`).expect(200);
      if (body.status === 'running')
        await admin.post(`/api/instances/${id}/cancel`, { reason: 'hết phép thử' }).expect(200);
    }
  };
  const start = async (key: string, unit: string) =>
    (await admin.post('/api/instances', { definitionKey: key, variables: { receivingUnit: unit } }).expect(201)).body
      .id as string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signIn(server, 'admin');
    await admin.deployXml(withKey(fixture('workflow-single-task.bpmn'), 'single-task', 'counts-single')).expect(201);
    await admin.deployXml(withKey(fixture('parallel-review.bpmn'), 'parallel-review', 'counts-parallel')).expect(201);
    // New officers in the city, with the roles other suites give theirs: the city's heads and the environment office's staff stay as seeded.
    const [specialist] = await newOfficers(server, 1, ['specialist:land']);
    const [reception] = await newOfficers(server, 1, ['reception']);
    const [colleague] = await newOfficers(server, 1, ['reception', 'specialist']);
    colleagueId = colleague.id;
    officers = [
      { ...specialist, unit: CITY, roles: ['specialist:land'] },
      { ...reception, unit: CITY, roles: ['reception'] },
      { ...colleague, unit: CITY, roles: ['reception', 'specialist'] },
      {
        username: 'specialist.tnmt',
        api: await signIn(server, 'specialist.tnmt'),
        unit: ENVIRONMENT,
        roles: ['specialist:land'],
      },
    ];
  });
  afterAll(() => server?.close());

  it('agrees with the rows through claims, completions, cancellation, flags and moved due times, folded or not', async () => {
    // given steps opened in the city and the environment office
    const instances = [];
    for (let i = 0; i < 6; i++) instances.push(await start('counts-single', CITY));
    instances.push(await start('counts-parallel', CITY), await start('counts-single', ENVIRONMENT));
    await expectTotalsMatchRows();
    await fold();
    await expectTotalsMatchRows();

    // when one is claimed, one completed (its next step opens for reception), one cancelled
    const reviews = await Promise.all(instances.slice(0, 6).map((id) => openTask(admin, id, 'Task_Review')));
    const specialist = officers[0].api;
    await specialist.post(`/api/tasks/${reviews[0].id}/claim`).expect(200);
    await specialist.post(`/api/tasks/${reviews[1].id}/claim`).expect(200);
    await specialist.post(`/api/tasks/${reviews[1].id}/complete`, { variables: {} }).expect(200);
    await admin.post(`/api/instances/${instances[2]}/cancel`, { reason: 'thử đếm' }).expect(200);
    await expectTotalsMatchRows();

    // and one is flagged overdue as the deadline job does, one is past due but not flagged yet, one released
    await db(server).query(`UPDATE tasks SET overdue_at = now() WHERE id = $1`, [reviews[3].id]);
    await db(server).query(`UPDATE tasks SET due_at = now() - interval '1 minute' WHERE id = $1`, [reviews[4].id]);
    await db(server).query(`UPDATE tasks SET overdue_at = now(), due_at = now() - interval '1 hour' WHERE id = $1`, [
      reviews[0].id,
    ]);
    await expectTotalsMatchRows();
    await specialist.post(`/api/tasks/${reviews[0].id}/unclaim`).expect(200);
    await expectTotalsMatchRows();
    // and one handed from the specialist to a colleague by delegation
    await specialist.post(`/api/tasks/${reviews[4].id}/claim`).expect(200);
    await specialist.post(`/api/tasks/${reviews[4].id}/delegate`, { userId: colleagueId }).expect(200);
    await expectTotalsMatchRows();
    await fold();
    await expectTotalsMatchRows();

    // and a step moved to another group, then to another unit, by hand
    await db(server).query(`UPDATE tasks SET candidate_groups = '{head}' WHERE id = $1`, [reviews[5].id]);
    await expectTotalsMatchRows();
    await db(server).query(`UPDATE tasks SET unit_code = $2 WHERE id = $1`, [reviews[5].id, ENVIRONMENT]);
    await expectTotalsMatchRows();
    await fold();
    await expectTotalsMatchRows();

    // and when the instances are cancelled their steps leave every count (and no other suite's inbox holds them)
    await cancelAll(instances);
    await expectTotalsMatchRows();
  });

  it('stays exact with many officers claiming and completing at once, and a recount repairs counts gone wrong', async () => {
    // given twenty steps and ten specialists of the city
    const crowd = await newOfficers(server, 10, ['specialist']);
    const ids = await Promise.all(Array.from({ length: 20 }, () => start('counts-single', CITY)));
    const reviews = await Promise.all(ids.map((id) => openTask(admin, id, 'Task_Review')));
    // when they claim and complete them all at once, folding in between
    const folding = (async () => {
      for (let i = 0; i < 10; i++) await fold();
    })();
    await Promise.all(
      reviews.map(async (task, i) => {
        const api = crowd[i % crowd.length].api;
        await api.post(`/api/tasks/${task.id}/claim`).expect(200);
        await api.post(`/api/tasks/${task.id}/complete`, { variables: {} }).expect(200);
      }),
    );
    await folding;
    // then every key agrees with the rows, folded or not
    const disagreeing = async () => (await db(server).query(DISAGREEING_KEYS))[0].n as number;
    await expectTotalsMatchRows();
    expect(await disagreeing()).toBe(0);
    await fold();
    expect(await disagreeing()).toBe(0);

    // and counts broken behind the trigger's back (a bulk load, say) are repaired by a recount
    await db(server).query(`INSERT INTO task_count_changes VALUES ($1, '{specialist}', '', 5, 1)`, [CITY]);
    expect(await disagreeing()).toBe(1);
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await rebuildTaskCounts(client);
    } finally {
      await client.end();
    }
    expect(await disagreeing()).toBe(0);
    await cancelAll(ids);
    await expectTotalsMatchRows();
  });
});
