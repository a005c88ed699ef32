import { AppError } from '../../../common/src';
import { taskStillOpen } from '../commands/command.guards';
import type { WorkflowCommand } from '../commands/workflow-command';
import type { InstanceRow } from '../persistence/instances.repository';
import type { Sql } from '../persistence/sql';
import { WriteStatement } from '../persistence/write.statement';
import { CommandExecutor, type PreparedCommand } from './command.executor';
import { INSTANCE_WRITE } from './effect.writer';
import type { InstanceChange } from './instance-change';
import { InstanceChangeListeners } from './instance-change.listeners';

/**
 * CommandExecutor without Postgres (issue 17 item 9): the retry loop, the one statement and the
 * cache, as given/when/then. A fake `Sql` plays the database: it records each statement and can
 * fail it as Postgres would (WF409 from `workflow_guard`, a unique violation). The same loop on a
 * real database: test/e2e/workflow-cache.e2e-spec.ts and tasks.e2e-spec.ts (racing completions).
 */
const INSTANCE: InstanceRow = {
  id: '1c7d3b5f-0e8a-4a7c-9a1b-2d3e4f5a6b7c',
  definitionId: 'def',
  definitionKey: 'k',
  version: 1,
  procedureCode: null,
  businessKey: 'B',
  unitCode: 'H15',
  status: 'running',
  state: { status: 'running', variables: {} },
  rev: 7,
  openIncidentJobs: [],
};
const NOW = new Date('2025-06-03T02:00:00Z');
const sqlError = (code: string) => Object.assign(new Error(code), { code });

function given(failures: unknown[] = [], options: { status?: InstanceChange['status']; tasksOpened?: string[] } = {}) {
  const statements: string[] = [];
  const sql: Sql & { inTransaction: boolean } = {
    inTransaction: false,
    rows: async <T>(text: string) => {
      statements.push(text);
      const failure = failures.shift();
      if (failure) throw failure;
      return [{ ok: true, id: 'returned-row' }] as T[];
    },
  };
  const enqueued: string[] = [];
  const writer = {
    build: async (input: { instance: InstanceRow; isNew: boolean; now: Date }) => {
      const statement = new WriteStatement();
      statement.add(
        `UPDATE process_instances SET rev = rev + 1 WHERE id = ${statement.param(input.instance.id)} AND rev = ${statement.param(input.instance.rev)} RETURNING id`,
        INSTANCE_WRITE,
      );
      const opened = (options.tasksOpened ?? []).map((id) => ({
        id,
        instanceId: input.instance.id,
        unitCode: 'H15',
        candidateGroups: ['specialist'],
        assignee: null,
        form: null,
      }));
      return {
        statement,
        change: {
          instanceId: input.instance.id,
          status: options.status ?? 'running',
          effects: [],
          at: input.now,
        } as unknown as InstanceChange,
        enqueue: [{ id: 'job-1', dueAt: NOW }],
        dequeue: [],
        state: { status: 'running', variables: { moved: true } },
        opened,
        closed: [],
      };
    },
  };
  const queue = {
    enqueue: async (jobs: { id: string }[]) => void enqueued.push(...jobs.map((j) => j.id)),
    remove: async () => undefined,
  };
  const definitions = { byId: async () => ({ id: 'def', model: {} }) };
  const config = { instanceCacheSize: 100, diagramLimits: {} };
  const executor = new CommandExecutor(
    {} as never,
    definitions as never,
    writer as never,
    queue as never,
    new InstanceChangeListeners(),
    { publish: () => undefined } as never,
    config as never,
    { now: () => NOW },
  );
  (executor as unknown as { autocommit: Sql }).autocommit = sql;
  return { executor, statements, enqueued, sql };
}

const command = (patch: Partial<WorkflowCommand> = {}): WorkflowCommand => ({
  name: 'test.move',
  effects: () => ({ state: { status: 'running', variables: {} }, effects: [] }),
  guards: [],
  ...patch,
});

describe('CommandExecutor', () => {
  it('given a command, when executed, then its whole write is one statement whose guard checks the instance write', async () => {
    // given
    const { executor, statements, enqueued } = given();
    // when
    await executor.execute('u', async () => ({ instance: INSTANCE, command: command() }));
    // then one round trip, and the job goes to the queue after it
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^WITH instance_write AS \(UPDATE process_instances/);
    expect(statements[0]).toContain('SELECT workflow_guard(EXISTS (SELECT 1 FROM instance_write)) AS ok');
    expect(enqueued).toEqual(['job-1']);
  });

  it('given guards and a returning part, when executed, then every guard part is in the guard and its row comes back', async () => {
    const { executor, statements } = given();
    const guarded = command({
      guards: [
        taskStillOpen({
          taskId: 't',
          instanceId: INSTANCE.id,
          actor: 'u',
          unassignedOrMine: true,
          part: 'task_completion',
        }),
      ],
      returning: 'task_completion',
    });
    const change = await executor.execute('u', async () => ({ instance: INSTANCE, command: guarded }));
    expect(statements[0]).toContain(
      'workflow_guard(EXISTS (SELECT 1 FROM instance_write) AND EXISTS (SELECT 1 FROM task_completion))',
    );
    expect(statements[0]).toContain('LEFT JOIN task_completion AS r ON true');
    expect(change.returned).toEqual({ ok: true, id: 'returned-row' });
  });

  it('given the write loses a race (WF409), when executed, then the command is prepared again from a fresh read and applied once', async () => {
    // given
    const { executor, statements } = given([sqlError('WF409')]);
    const attempts: number[] = [];
    // when
    await executor.execute('u', async (_sql, attempt) => {
      attempts.push(attempt);
      return { instance: { ...INSTANCE, rev: 6 + attempt }, command: command() };
    });
    // then
    expect(attempts).toEqual([1, 2]);
    expect(statements).toHaveLength(2);
  });

  it('given a caller transaction, when the write loses a race, then 409 CONCURRENT_UPDATE names the command (the caller retries)', async () => {
    const { executor, sql } = given([sqlError('40P01')]);
    const tx = Object.assign(sql, { inTransaction: true, toEnqueue: [], toDequeue: [] });
    await expect(
      executor.execute('u', async () => ({ instance: INSTANCE, command: command() }), { tx: tx as never }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'CONCURRENT_UPDATE',
      message: expect.stringContaining('test.move'),
    });
  });

  it('given another database error, when executed, then it is not retried', async () => {
    const { executor, statements } = given([sqlError('23505')]);
    await expect(executor.execute('u', async () => ({ instance: INSTANCE, command: command() }))).rejects.toMatchObject(
      { code: '23505' },
    );
    expect(statements).toHaveLength(1);
  });

  it('given the engine refuses, when executed, then nothing is written and the refusal is an AppError', async () => {
    const { executor, statements } = given();
    const refusing = command({
      effects: () => {
        throw AppError.conflict('TASK_NOT_FOUND_IN_STATE', 'no');
      },
    });
    await expect(executor.execute('u', async () => ({ instance: INSTANCE, command: refusing }))).rejects.toMatchObject({
      code: 'TASK_NOT_FOUND_IN_STATE',
    });
    expect(statements).toEqual([]);
  });

  it('given a committed autocommit write of a running instance, then the next revision and the opened tasks are cached; a finished one is not', async () => {
    // given / when
    const running = given([], { tasksOpened: ['task-9'] });
    await running.executor.execute('u', async () => ({ instance: INSTANCE, command: command() }) as PreparedCommand);
    // then
    expect(running.executor.cache.task('task-9')?.instance).toMatchObject({
      id: INSTANCE.id,
      rev: 8,
      state: { variables: { moved: true } },
    });
    const finished = given([], { status: 'completed', tasksOpened: ['task-9'] });
    await finished.executor.execute('u', async () => ({ instance: INSTANCE, command: command() }));
    expect(finished.executor.cache.task('task-9')).toBeUndefined();
  });

  it('given a lost race, then the cached instance is forgotten before the re-read', async () => {
    const { executor } = given([undefined, sqlError('WF409')], { tasksOpened: ['task-1'] });
    await executor.execute('u', async () => ({ instance: INSTANCE, command: command() }));
    expect(executor.cache.task('task-1')).toBeDefined();
    const cachedDuringRetry: boolean[] = [];
    await executor.execute('u', async (_sql, attempt) => {
      cachedDuringRetry.push(executor.cache.task('task-1') !== undefined);
      return { instance: { ...INSTANCE, rev: 7 + attempt }, command: command() };
    });
    expect(cachedDuringRetry).toEqual([true, false]);
  });
});
