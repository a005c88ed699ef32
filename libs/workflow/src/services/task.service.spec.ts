import { AppError, type AuthUser } from '../../../common/src';
import { InstanceCache } from '../persistence/instance.cache';
import type { InstanceRow } from '../persistence/instances.repository';
import type { Sql } from '../persistence/sql';
import { WriteStatement } from '../persistence/write.statement';
import { Engine } from '../runtime/engine.port';
import type { PreparedCommand } from '../runtime/command.executor';
import type { InstanceChange } from '../runtime/instance-change';
import type { TaskRow } from '../views/task.view';
import { TaskService } from './task.service';
import type { InboxEvent } from '../inbox-events/inbox-event';

/**
 * TaskService without HTTP or Postgres (issue 17 item 9): the claim, unclaim, delegate and
 * complete rules as given/when/then, over fakes of its ports. The guarded SQL itself runs in
 * test/e2e/tasks.e2e-spec.ts; here the fakes answer what the guarded write would have.
 */
const NOW = new Date('2025-06-03T02:00:00Z');
const TASK_ID = '0b6c2a4e-9d7f-4f6b-8f0a-1c2d3e4f5a6b';
const INSTANCE_ID = '1c7d3b5f-0e8a-4a7c-9a1b-2d3e4f5a6b7c';

const user = (username: string, roles: string[], unitCode = 'H15.10'): AuthUser =>
  ({ id: username, username, fullName: username, unitCode, roles }) as AuthUser;
const specialist = user('chuyenvien', ['specialist']);
const head = user('truongphong', ['head']);
const outsider = user('xa', ['specialist'], 'H15.20');

function taskRow(patch: Partial<TaskRow> = {}): TaskRow {
  return {
    id: TASK_ID,
    element_id: 'tham_dinh',
    name: 'Thẩm định',
    instance_id: INSTANCE_ID,
    unit_code: 'H15.10',
    candidate_groups: ['specialist'],
    assignee: null,
    status: 'open',
    created_at: NOW,
    due_at: null,
    claimed_at: null,
    completed_at: null,
    completed_by: null,
    spec: { form: null },
    business_key: 'H15-250603-0001',
    definition_key: 'ho-kinh-doanh',
    procedure_code: '1.001612',
    ...patch,
  };
}

const instanceRow: InstanceRow = {
  id: INSTANCE_ID,
  definitionId: 'd',
  definitionKey: 'ho-kinh-doanh',
  version: 1,
  procedureCode: '1.001612',
  businessKey: 'H15-250603-0001',
  unitCode: 'H15.10',
  status: 'running',
  state: { status: 'running', variables: {} },
  rev: 3,
  openIncidentJobs: [],
};

/** The ports TaskService uses, in memory. `row` is the task as the database holds it. */
function given(row: TaskRow | undefined, options: { claimWins?: boolean; cached?: boolean } = {}) {
  const calls: string[] = [];
  const prepared: PreparedCommand[] = [];
  const cache = new InstanceCache(10);
  if (options.cached && row) {
    cache.put(
      instanceRow,
      [
        {
          id: row.id,
          instanceId: INSTANCE_ID,
          unitCode: row.unit_code,
          candidateGroups: row.candidate_groups,
          assignee: row.assignee,
          form: null,
        },
      ],
      [],
    );
  }
  const sql: Sql = { inTransaction: false, rows: async () => [] };
  const tasks = {
    find: async () => row,
    claim: async (_id: string, u: AuthUser) =>
      options.claimWins ? taskRow({ assignee: u.username, claimed_at: NOW }) : undefined,
    unclaim: async (_id: string, _u: AuthUser, asHead: boolean) => {
      calls.push(`unclaim asHead=${asHead}`);
      return row?.assignee && (asHead || row.assignee === _u.username) ? taskRow({ assignee: null }) : undefined;
    },
    assign: async (_id: string, _u: AuthUser, asHead: boolean, target: string) => {
      calls.push(`assign ${target} asHead=${asHead}`);
      return taskRow({ assignee: target });
    },
  };
  const instances = {
    loadWithTask: async () => {
      calls.push('read');
      return row ? { instance: instanceRow, task: row } : null;
    },
  };
  const executor = {
    cache,
    sql,
    now: () => NOW,
    async execute(
      _actor: string,
      prepare: (sql: Sql, attempt: number) => Promise<PreparedCommand>,
    ): Promise<InstanceChange> {
      const command = await prepare(sql, 1);
      prepared.push(command);
      return {
        at: NOW,
        businessKey: row?.business_key ?? null,
        definitionKey: 'ho-kinh-doanh',
        procedureCode: '1.001612',
        returned: { ...taskRow(), status: 'completed' },
      } as unknown as InstanceChange;
    },
  };
  const targets = {
    find: async (_unit: string, _groups: string[], userId: string) =>
      userId === 'u-chuyenvien2' ? { username: 'chuyenvien2' } : undefined,
  };
  const drafts = {
    draft: async (_u: AuthUser, _t: unknown, _k: unknown, input: { opinion?: string }) =>
      input.opinion ? { text: input.opinion, outcome: null, attachments: [], author: {} } : null,
  };
  const opinions: unknown[] = [];
  const opinionRows = {
    addInsert: (_st: WriteStatement, completion: string, businessKey: string | null, draft: { text: string }) =>
      opinions.push({ completion, businessKey, text: draft.text }),
  };
  const published: InboxEvent[] = [];
  const bus = { publish: (events: InboxEvent[]) => void published.push(...events) };
  const service = new TaskService(
    tasks as never,
    instances as never,
    executor as never,
    targets as never,
    {} as never,
    drafts as never,
    opinionRows as never,
    bus as never,
  );
  return { service, calls, prepared, opinions, published };
}

async function refusalOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('TaskService', () => {
  describe('claim', () => {
    it('given an open unassigned task, when a candidate claims it and the guarded update wins, then it is theirs', async () => {
      const { service } = given(taskRow(), { claimWins: true });
      const view = await service.claim(specialist, TASK_ID);
      expect(view.assignee).toBe('chuyenvien');
    });

    it('given a claim that wins, then one inbox event names the step, its unit and groups, and nobody (ADR 0022); a refused claim publishes none', async () => {
      // given
      const won = given(taskRow(), { claimWins: true });
      const lost = given(taskRow({ assignee: 'chuyenvien2' }));
      // when
      await won.service.claim(specialist, TASK_ID);
      await refusalOf(lost.service.claim(specialist, TASK_ID));
      // then
      expect(won.published).toEqual([
        { kind: 'claimed', taskId: TASK_ID, unitCode: 'H15.10', groups: ['specialist'], at: expect.any(Number) },
      ]);
      expect(JSON.stringify(won.published)).not.toContain('chuyenvien');
      expect(lost.published).toEqual([]);
    });

    it('given the task is already mine, when I claim it again, then it answers the task (a retried click is not a conflict)', async () => {
      const { service } = given(taskRow({ assignee: 'chuyenvien' }));
      expect((await service.claim(specialist, TASK_ID)).assignee).toBe('chuyenvien');
    });

    it('given another officer claimed it, when I claim it, then 409 TASK_ALREADY_CLAIMED', async () => {
      const { service } = given(taskRow({ assignee: 'chuyenvien2' }));
      expect(await refusalOf(service.claim(specialist, TASK_ID))).toBe('409 TASK_ALREADY_CLAIMED');
    });

    it('given a task of another unit, or not a uuid, when claimed, then 404 TASK_NOT_FOUND (no existence oracle)', async () => {
      const { service } = given(taskRow());
      expect(await refusalOf(service.claim(outsider, TASK_ID))).toBe('404 TASK_NOT_FOUND');
      expect(await refusalOf(service.claim(specialist, 'not-a-uuid'))).toBe('404 TASK_NOT_FOUND');
    });

    it('given the head of the unit without the group, when they claim, then 403 TASK_NOT_CANDIDATE', async () => {
      const { service } = given(taskRow());
      expect(await refusalOf(service.claim(head, TASK_ID))).toBe('403 TASK_NOT_CANDIDATE');
    });
  });

  describe('unclaim', () => {
    it('given a task claimed by another officer, when the head unclaims it, then it goes back to the pool as the head', async () => {
      const { service, calls } = given(taskRow({ assignee: 'chuyenvien2' }));
      expect((await service.unclaim(head, TASK_ID)).assignee).toBeNull();
      expect(calls).toEqual(['unclaim asHead=true']);
    });

    it('given a task claimed by another officer, when a fellow officer unclaims it, then 403 TASK_NOT_ASSIGNEE', async () => {
      const { service } = given(taskRow({ assignee: 'chuyenvien2' }));
      expect(await refusalOf(service.unclaim(specialist, TASK_ID))).toBe('403 TASK_NOT_ASSIGNEE');
    });

    it('given an unclaimed task, when unclaimed, then 409 TASK_NOT_CLAIMED', async () => {
      const { service } = given(taskRow());
      expect(await refusalOf(service.unclaim(specialist, TASK_ID))).toBe('409 TASK_NOT_CLAIMED');
    });
  });

  describe('delegate', () => {
    it('given my task, when I hand it to an officer of the unit whose roles fit, then it is assigned to them', async () => {
      const { service, calls } = given(taskRow({ assignee: 'chuyenvien' }));
      expect((await service.delegate(specialist, TASK_ID, 'u-chuyenvien2')).assignee).toBe('chuyenvien2');
      expect(calls).toEqual(['assign chuyenvien2 asHead=false']);
    });

    it('when the target may not take the task, then 400 DELEGATE_TARGET_INVALID and nothing is assigned', async () => {
      const { service, calls } = given(taskRow({ assignee: 'chuyenvien' }));
      expect(await refusalOf(service.delegate(specialist, TASK_ID, 'u-nobody'))).toBe('400 DELEGATE_TARGET_INVALID');
      expect(calls).toEqual([]);
    });

    it('given an officer of another unit, when they delegate, then 404', async () => {
      const { service } = given(taskRow({ assignee: 'chuyenvien' }));
      expect(await refusalOf(service.delegate(outsider, TASK_ID, 'u-chuyenvien2'))).toBe('404 TASK_NOT_FOUND');
    });
  });

  describe('complete', () => {
    it('given a task this process opened (cached), when a candidate completes it, then the command is built without a read', async () => {
      // given
      const { service, calls, prepared } = given(taskRow(), { cached: true });
      // when
      const view = await service.complete(specialist, TASK_ID, { approved: true });
      // then
      expect(calls).toEqual([]);
      expect(prepared[0].command.name).toBe('task.complete');
      expect(prepared[0].instance.rev).toBe(3);
      expect(view.status).toBe('completed');
    });

    it('given a completion, when it commits, then a completed event goes to the inboxes of the step', async () => {
      const { service, published } = given(taskRow(), { cached: true });
      await service.complete(specialist, TASK_ID, {});
      expect(published.map((e) => `${e.kind} ${e.taskId} ${e.unitCode}`)).toEqual([`completed ${TASK_ID} H15.10`]);
    });

    it('given a task not in the cache, when completed, then the instance and task are read and checked first', async () => {
      const { service, calls, prepared } = given(taskRow());
      await service.complete(specialist, TASK_ID, {});
      expect(calls).toEqual(['read']);
      expect(prepared.map((p) => p.command.name)).toEqual(['task.complete']);
    });

    it('given a cached task claimed by someone else, when I complete it, then the read decides: 409 TASK_CLAIMED_BY_OTHER', async () => {
      const { service, calls } = given(taskRow({ assignee: 'chuyenvien2' }), { cached: true });
      expect(await refusalOf(service.complete(specialist, TASK_ID, {}))).toBe('409 TASK_CLAIMED_BY_OTHER');
      expect(calls).toEqual(['read']);
    });

    it('given a step drawn as a desk action, when completed from the inbox, then 409 TASK_DESK_ACTION (ADR 0012)', async () => {
      const { service } = given(taskRow({ spec: { action: 'supplement' } }));
      expect(await refusalOf(service.complete(specialist, TASK_ID, {}))).toBe('409 TASK_DESK_ACTION');
    });

    it('given a completed task, when completed again, then 409 TASK_NOT_OPEN and no command runs', async () => {
      const { service, prepared } = given(taskRow({ status: 'completed' }));
      expect(await refusalOf(service.complete(specialist, TASK_ID, {}))).toBe('409 TASK_NOT_OPEN');
      expect(prepared).toEqual([]);
    });

    it('given an opinion, when completed, then the opinion is written from the completion part and becomes the note variable', async () => {
      // given
      const { service, prepared, opinions } = given(taskRow());
      // when
      await service.complete(specialist, TASK_ID, { approved: true }, { opinion: 'Hồ sơ hợp lệ' });
      // then the engine completes the task with note = the opinion
      const completeTask = jest
        .spyOn(Engine, 'completeTask')
        .mockReturnValue({ state: { status: 'running', variables: {} }, effects: [] });
      try {
        const command = prepared[0].command;
        await command.effects({} as never, { status: 'running', variables: {} }, {} as never);
        expect(completeTask.mock.calls[0][2]).toEqual({
          taskId: TASK_ID,
          variables: { approved: true, note: 'Hồ sơ hợp lệ' },
        });
        // and its own write inserts the opinion from the completion part of the same statement
        command.writes?.(new WriteStatement(), { at: NOW } as InstanceChange, ['task_completion']);
        expect(opinions).toEqual([
          { completion: 'task_completion', businessKey: 'H15-250603-0001', text: 'Hồ sơ hợp lệ' },
        ]);
      } finally {
        completeTask.mockRestore();
      }
    });

    it('given a note variable of its own, when completed with an opinion, then the note is kept', async () => {
      const { service, prepared } = given(taskRow());
      await service.complete(specialist, TASK_ID, { note: 'ghi chú riêng' }, { opinion: 'Ý kiến' });
      const completeTask = jest
        .spyOn(Engine, 'completeTask')
        .mockReturnValue({ state: { status: 'running', variables: {} }, effects: [] });
      try {
        await prepared[0].command.effects({} as never, { status: 'running', variables: {} }, {} as never);
        expect(completeTask.mock.calls[0][2]).toEqual({ taskId: TASK_ID, variables: { note: 'ghi chú riêng' } });
      } finally {
        completeTask.mockRestore();
      }
    });
  });
});
