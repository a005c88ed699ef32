import { WriteStatement } from '../persistence/write.statement';
import type { InstanceChange } from '../runtime/instance-change';
import { AFTER_INSTANCE } from '../runtime/effect.writer';
import { WorkflowCommands } from './workflow.commands';
import type { WorkflowCommand } from './workflow-command';

/**
 * The command catalog as given/when/then (issue 17 item 9): what each command checks when its
 * write commits, read off the SQL its guards add to the statement (no database here; the SQL
 * runs in test/e2e/workflow*.e2e-spec.ts).
 */
const AT = new Date('2025-06-03T02:00:00Z');
const change = (effects: InstanceChange['effects'] = []) => ({ at: AT, effects }) as InstanceChange;

/** The statement the command's guards and own writes add, as the executor builds it. */
function guardsOf(command: WorkflowCommand, effects?: InstanceChange['effects']) {
  const st = new WriteStatement();
  const parts = command.guards.map((guard) => guard.write(st, change(effects)));
  command.writes?.(st, change(effects), parts);
  const sql = st.toSql('SELECT 1');
  const params = (st as unknown as { params: unknown[] }).params;
  return { parts, sql, params };
}

describe('WorkflowCommands', () => {
  it('names every command once', () => {
    // given one of each command
    const commands = [
      WorkflowCommands.startInstance({ businessKey: null, variables: {} }),
      WorkflowCommands.cancelInstance(undefined),
      WorkflowCommands.correlateMessage('m', undefined),
      WorkflowCommands.completeTask({ taskId: 't', instanceId: 'i', actor: 'u', variables: {} }),
      WorkflowCommands.completeDeskStep({ taskId: 't', instanceId: 'i', actor: 'u', variables: {} }),
      WorkflowCommands.fireTimer('j'),
      WorkflowCommands.completeServiceTask('j', 'w', undefined),
      WorkflowCommands.throwBpmnError('j', 'w', 'E', 'm'),
      WorkflowCommands.completeCall('j', 'w', 'c', undefined),
      WorkflowCommands.failCall('j', 'w', 'c', 'E'),
      WorkflowCommands.deliverSignal('j', 'w', 's', undefined),
    ];
    // then the names are distinct, and only commands that apply a job carry its id
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    expect(commands.filter((c) => c.jobId).map((c) => c.name)).toEqual([
      'timer.fire',
      'service-task.complete',
      'service-task.throw-error',
      'call.complete',
      'call.fail',
      'signal.deliver',
    ]);
  });

  describe('given an instance-level command (start, cancel, message)', () => {
    it('then it has no guard besides the instance revision', () => {
      for (const command of [
        WorkflowCommands.startInstance({ businessKey: 'K', variables: {} }),
        WorkflowCommands.cancelInstance('r'),
        WorkflowCommands.correlateMessage('m', {}),
      ]) {
        expect(command.guards).toEqual([]);
        expect(command.returning).toBeUndefined();
      }
    });
  });

  describe('task.complete', () => {
    it('when built, then its write completes the task only while it is open, of the instance, and unassigned or mine, after the instance lock', () => {
      // given
      const command = WorkflowCommands.completeTask({
        taskId: 'task-1',
        instanceId: 'inst-1',
        actor: 'chuyenvien',
        variables: { approved: true },
      });
      // when
      const { parts, sql, params } = guardsOf(command);
      // then
      expect(command.name).toBe('task.complete');
      expect(parts).toEqual(['task_completion']);
      expect(command.returning).toBe('task_completion');
      expect(command.guards[0].checks).toBe('task open, unassigned or mine');
      expect(sql).toMatch(
        /t\.status = 'open'\s+AND \(t\.assignee IS NULL OR t\.assignee = \$2::text\) AND EXISTS \(SELECT 1 FROM instance_write\)/,
      );
      expect(sql).toContain(AFTER_INSTANCE);
      expect(params).toEqual([AT, 'chuyenvien', 'task-1', 'inst-1']);
    });

    it('given an opinion, then it is written from the completion part, in the same statement', () => {
      // given
      const written: unknown[] = [];
      const draft = {
        text: 'Đồng ý',
        outcome: null,
        attachments: [],
        author: { username: 'u', fullName: 'U', unitCode: 'H15', unitName: 'X' },
      };
      const command = WorkflowCommands.completeTask({
        taskId: 't',
        instanceId: 'i',
        actor: 'u',
        variables: {},
        opinion: {
          draft,
          write: (st, completion, d, at) => written.push({ completion, d, at, st: st instanceof WriteStatement }),
        },
      });
      // when
      guardsOf(command);
      // then
      expect(written).toEqual([{ completion: 'task_completion', d: draft, at: AT, st: true }]);
    });
  });

  describe('desk-step.complete', () => {
    it('when built, then the desk completes the open step whoever claimed it (ADR 0012)', () => {
      const { sql } = guardsOf(
        WorkflowCommands.completeDeskStep({ taskId: 't', instanceId: 'i', actor: 'motcua', variables: {} }),
      );
      expect(sql).toContain(`t.status = 'open'`);
      expect(sql).not.toContain('t.assignee IS NULL OR');
      expect(sql).toContain(AFTER_INSTANCE);
    });
  });

  describe('job commands', () => {
    it('given a timer only read, then the firing write claims it while claimable and counts the attempt', () => {
      const { sql } = guardsOf(WorkflowCommands.fireTimer('job-1'));
      expect(sql).toContain(`(status = 'pending' OR (status = 'running' AND locked_until < now()))`);
      expect(sql).toContain('attempts = attempts + 1');
    });

    it('given a claimed service job, then the write finishes it only while this worker holds it, without counting again', () => {
      const { sql, params } = guardsOf(WorkflowCommands.completeServiceTask('job-1', 'worker-a', { ok: true }));
      expect(sql).toMatch(/status = 'running' AND locked_by = \$\d+ AND EXISTS \(SELECT 1 FROM instance_write\)/);
      expect(sql).toContain('attempts = attempts + 0');
      expect(params).toEqual(['done', null, 'job-1', 'worker-a']);
    });

    it('given the engine raised an incident, then a service job stays failed with the message (its retry runs it again)', () => {
      const incident = {
        type: 'incident',
        elementId: 'e',
        code: 'UNCAUGHT',
        message: 'Lỗi chưa bắt',
      } as unknown as InstanceChange['effects'][number];
      const { params } = guardsOf(WorkflowCommands.throwBpmnError('job-1', 'worker-a', 'E1', 'no'), [incident]);
      expect(params.slice(0, 2)).toEqual(['failed', 'Lỗi chưa bắt']);
    });

    it('given a call or signal job, then its write marks it done whatever the command raised', () => {
      const incident = {
        type: 'incident',
        elementId: 'e',
        code: 'X',
        message: 'm',
      } as unknown as InstanceChange['effects'][number];
      for (const command of [
        WorkflowCommands.completeCall('j', 'w', 'c', {}),
        WorkflowCommands.failCall('j', 'w', 'c', 'E'),
        WorkflowCommands.deliverSignal('j', 'w', 's', {}),
      ]) {
        const { sql, parts } = guardsOf(command, [incident]);
        expect(sql).toContain(`SET status = 'done', locked_by = NULL, locked_until = NULL`);
        expect(parts).toHaveLength(1);
      }
    });
  });
});
