import { AppError } from '../../../common/src';
import type { PreparedCommand } from '../runtime/command.executor';
import type { InstanceChange } from '../runtime/instance-change';
import type { Sql } from '../persistence/sql';
import { BpmnError } from './bpmn.error';
import { JobKindRegistry } from './job-kind.registry';
import type { ClaimedJob } from './job.row';
import { JobRunner } from './job.runner';
import { ServiceTaskRegistry } from './service-task.registry';

/**
 * JobRunner without Postgres or BullMQ (issue 17 item 9): which command or failure a delivered
 * job leads to, as given/when/then. The claim and guard SQL run in test/e2e/workflow-jobs and
 * workflow-timer-firing; here a fake `sql` answers the claim and a fake executor runs the command.
 */
const JOB_ID = '2d8e4c6a-1f9b-4b8d-a0c2-3e4f5a6b7c8d';
const INSTANCE_ID = '1c7d3b5f-0e8a-4a7c-9a1b-2d3e4f5a6b7c';

/** The claim's row: the job, joined to its instance for the engine's kinds. */
function claimRow(job: Partial<ClaimedJob> = {}, instance: { status?: string } | null = {}) {
  const row = {
    id: JOB_ID,
    instance_id: INSTANCE_ID,
    task_id: null,
    definition_id: null,
    payload: null,
    kind: 'service',
    element_id: 'gui_sms',
    topic: 'sms',
    attempts: 1,
    max_attempts: 3,
    ...job,
  };
  if (!instance) return row;
  return {
    ...row,
    i_id: INSTANCE_ID,
    i_definition_id: 'd',
    i_definition_key: 'k',
    i_version: 1,
    i_procedure_code: null,
    i_business_key: 'H15-250603-0001',
    i_unit_code: 'H15',
    i_status: instance.status ?? 'running',
    i_state: { status: 'running', tokens: [] },
    i_variables: { phone: '0905123456' },
    i_rev: 4,
  };
}

interface Given {
  claim?: Record<string, unknown>;
  /** What the executor's write does: commit (with these effects) or throw. */
  write?: { effects?: InstanceChange['effects'] } | { throws: unknown };
  /** Rows later reads answer (e.g. `jobStillOurs` after a lost race). */
  reads?: Record<string, unknown>[][];
}

function given(setup: Given = {}) {
  const registry = new ServiceTaskRegistry();
  const kinds = new JobKindRegistry();
  const commands: PreparedCommand[] = [];
  const failures: string[] = [];
  const reads = [...(setup.reads ?? [])];
  const sql: Sql = { inTransaction: false, rows: async () => (reads.shift() ?? []) as never[] };
  const executor = {
    sql: { inTransaction: false, rows: async () => (setup.claim ? [setup.claim] : []) },
    async execute(_actor: null, prepare: (sql: Sql, attempt: number) => Promise<PreparedCommand>) {
      const write = setup.write ?? {};
      commands.push(await prepare(sql, 1));
      if ('throws' in write) throw write.throws;
      return { effects: write.effects ?? [] } as unknown as InstanceChange;
    },
  };
  const record =
    (what: string) =>
    async (job: ClaimedJob, _w: string, ...rest: unknown[]) => {
      failures.push(`${what} ${rest.map(String).join(' ')}`.trim());
      return { kind: what === 'failed' ? 'retry' : 'incident', code: String(rest[0]) } as never;
    };
  const failureRecorder = { failed: record('failed'), incident: record('incident') };
  const runner = new JobRunner(
    executor as never,
    { load: async () => null } as never,
    registry,
    failureRecorder as never,
    kinds,
    { jobLockMs: 30_000 } as never,
  );
  return { runner, registry, kinds, commands, failures };
}

describe('JobRunner', () => {
  it('given a job id that is not a uuid, or a row nobody can claim, when run, then it is skipped', async () => {
    const { runner, commands } = given();
    expect(await runner.run('nope')).toEqual({ kind: 'skipped' });
    expect(await runner.run(JOB_ID)).toEqual({ kind: 'skipped' });
    expect(commands).toEqual([]);
  });

  it('given a due timer, when run, then it fires as timer.fire on the instance the claim read, without a second read', async () => {
    const { runner, commands } = given({ claim: claimRow({ kind: 'timer', topic: null }) });
    expect(await runner.run(JOB_ID)).toEqual({ kind: 'done' });
    expect(commands.map((c) => [c.command.name, c.instance.rev])).toEqual([['timer.fire', 4]]);
  });

  it('given a service job, when its handler answers variables, then service-task.complete applies them with the job finished in the same write', async () => {
    // given
    const { runner, registry, commands } = given({ claim: claimRow() });
    const seen: unknown[] = [];
    registry.register('sms', async (ctx) => {
      seen.push(ctx);
      ctx.variables.phone = 'changed by the handler';
      return { sent: true };
    });
    // when
    const outcome = await runner.run(JOB_ID);
    // then
    expect(outcome).toEqual({ kind: 'done' });
    expect(seen).toEqual([
      expect.objectContaining({
        instanceId: INSTANCE_ID,
        businessKey: 'H15-250603-0001',
        elementId: 'gui_sms',
        jobId: JOB_ID,
        attempt: 1,
      }),
    ]);
    expect(commands[0].command.name).toBe('service-task.complete');
    expect(commands[0].command.guards.map((g) => g.checks)).toEqual(['job still claimed by this worker']);
    // and the handler's change to its copy of the variables did not reach the command's input
    expect(commands[0].instance.state.variables).toEqual({ phone: '0905123456' });
  });

  it('given a handler that throws a BpmnError, when run, then service-task.throw-error carries its code', async () => {
    const { runner, registry, commands } = given({ claim: claimRow() });
    registry.register('sms', async () => {
      throw new BpmnError('SMS_REFUSED', 'số điện thoại bị chặn');
    });
    await runner.run(JOB_ID);
    expect(commands.map((c) => c.command.name)).toEqual(['service-task.throw-error']);
  });

  it('given the command raised an incident, when run, then the outcome is that incident', async () => {
    const incident = {
      type: 'incident',
      elementId: 'gui_sms',
      code: 'BPMN_ERROR_UNCAUGHT',
      message: 'm',
    } as unknown as InstanceChange['effects'][number];
    const { runner, registry } = given({ claim: claimRow(), write: { effects: [incident] } });
    registry.register('sms', async () => undefined);
    expect(await runner.run(JOB_ID)).toEqual({ kind: 'incident', code: 'BPMN_ERROR_UNCAUGHT' });
  });

  it('given a handler that fails, when run, then the failure is recorded (retry with backoff) and no command runs', async () => {
    const { runner, registry, commands, failures } = given({ claim: claimRow() });
    registry.register('sms', async () => {
      throw new Error('gateway down');
    });
    expect(await runner.run(JOB_ID)).toEqual({ kind: 'retry', code: 'Error: gateway down' });
    expect(commands).toEqual([]);
    expect(failures).toEqual(['failed Error: gateway down']);
  });

  it('given no handler for the topic, when run, then an incident HANDLER_NOT_FOUND is opened at once', async () => {
    const { runner, failures } = given({ claim: claimRow() });
    await runner.run(JOB_ID);
    expect(failures).toEqual(['incident HANDLER_NOT_FOUND No service-task handler for topic "sms"']);
  });

  it('given the engine refuses the job (a 4xx AppError), when run, then an incident with its code, not a retry', async () => {
    const { runner, registry, failures } = given({
      claim: claimRow(),
      write: { throws: AppError.conflict('ELEMENT_NOT_WAITING', 'không chờ') },
    });
    registry.register('sms', async () => undefined);
    expect(await runner.run(JOB_ID)).toEqual({ kind: 'incident', code: 'ELEMENT_NOT_WAITING' });
    expect(failures).toEqual(['incident ELEMENT_NOT_WAITING không chờ']);
  });

  it('given the instance no longer runs, when run, then the result is dropped (skipped), nothing recorded', async () => {
    const { runner, registry, failures } = given({ claim: claimRow({}, { status: 'cancelled' }) });
    registry.register('sms', async () => ({ x: 1 }));
    expect(await runner.run(JOB_ID)).toEqual({ kind: 'skipped' });
    expect(failures).toEqual([]);
  });

  it('given a registered kind, when run, then its handler gets the job and the worker id; a throw is a recorded failure', async () => {
    const { runner, kinds, failures } = given({ claim: claimRow({ kind: 'deadline.warning' }, null) });
    const seen: string[] = [];
    kinds.register('deadline.warning', async (job, workerId) => {
      seen.push(`${job.id} ${workerId === runner.workerId}`);
      throw new Error('smtp down');
    });
    expect(await runner.run(JOB_ID)).toEqual({ kind: 'retry', code: 'Error: smtp down' });
    expect(seen).toEqual([`${JOB_ID} true`]);
    expect(failures).toEqual(['failed Error: smtp down']);
  });

  it('given an unknown kind, when run, then an incident on its instance, or a plain failure without one', async () => {
    const withInstance = given({ claim: claimRow({ kind: 'mystery' }, null) });
    await withInstance.runner.run(JOB_ID);
    expect(withInstance.failures).toEqual(['incident HANDLER_NOT_FOUND No handler for job kind "mystery"']);
    const without = given({ claim: claimRow({ kind: 'mystery', instance_id: null }, null) });
    await without.runner.run(JOB_ID);
    expect(without.failures).toEqual(['failed Error: No handler for job kind "mystery"']);
  });
});
