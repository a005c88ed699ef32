import { Engine, EngineError, type EngineResult } from './index';
import { InstanceDriver, loadModel, testContext } from './__tests__/engine.harness';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof EngineError) return error.code;
    throw error;
  }
  return undefined;
}

describe('Engine commands', () => {
  it('start records the business key and the first history', async () => {
    // given
    const model = await loadModel('four-steps.bpmn');

    // when
    const { state, effects } = Engine.start(
      model,
      { businessKey: 'H15.22-250303-0001', variables: { fee: 0 } },
      testContext(),
    );

    // then
    expect(state).toMatchObject({ status: 'running', businessKey: 'H15.22-250303-0001', variables: { fee: 0 } });
    expect(effects[0]).toEqual({
      type: 'history',
      record: { type: 'instance.started', data: { businessKey: 'H15.22-250303-0001' } },
    });
  });

  it('refuse unknown task, job and timer ids with stable codes', async () => {
    // given
    const instance = await InstanceDriver.start('four-steps.bpmn');
    const { model, state, ctx } = instance;

    // when / then
    expect(codeOf(() => Engine.completeTask(model, state, { taskId: 'nope' }, ctx))).toBe('TASK_NOT_FOUND');
    expect(codeOf(() => Engine.completeJob(model, state, { jobId: 'nope' }, ctx))).toBe('JOB_NOT_FOUND');
    expect(codeOf(() => Engine.throwError(model, state, { jobId: 'nope', errorCode: 'X' }, ctx))).toBe('JOB_NOT_FOUND');
    expect(codeOf(() => Engine.fireTimer(model, state, { jobId: 'nope' }, ctx))).toBe('JOB_NOT_FOUND');
  });

  it('a task id is not a job id: completeJob does not complete a user task', async () => {
    // given
    const instance = await InstanceDriver.start('four-steps.bpmn');
    const task = instance.task('Task_TiepNhan');

    // when / then
    expect(codeOf(() => Engine.completeJob(instance.model, instance.state, { jobId: task.id }, instance.ctx))).toBe(
      'JOB_NOT_FOUND',
    );
  });

  it('correlateMessage throws MESSAGE_NOT_CORRELATED when nothing waits for the name', async () => {
    // given
    const instance = await InstanceDriver.start('message.bpmn');

    // when / then
    expect(
      codeOf(() =>
        Engine.correlateMessage(instance.model, instance.state, { messageName: 'documents-supplied' }, instance.ctx),
      ),
    ).toBe('MESSAGE_NOT_CORRELATED');
  });

  it('commands on a finished instance throw INSTANCE_NOT_RUNNING', async () => {
    // given
    const instance = await InstanceDriver.start('pass-through.bpmn');

    // when / then
    expect(instance.status).toBe('completed');
    expect(codeOf(() => Engine.cancel(instance.model, instance.state, {}, instance.ctx))).toBe('INSTANCE_NOT_RUNNING');
    expect(codeOf(() => Engine.completeTask(instance.model, instance.state, { taskId: 'x' }, instance.ctx))).toBe(
      'INSTANCE_NOT_RUNNING',
    );
  });

  it('a state of another process throws MODEL_MISMATCH', async () => {
    // given
    const instance = await InstanceDriver.start('four-steps.bpmn');
    const other = await loadModel('message.bpmn');

    // when / then
    expect(
      codeOf(() => Engine.correlateMessage(other, instance.state, { messageName: 'payment-received' }, instance.ctx)),
    ).toBe('MODEL_MISMATCH');
  });

  it('start throws NO_START_EVENT on a process without one', async () => {
    // given
    const model = { id: 'p', isExecutable: true, elements: {}, flows: {} };

    // when / then
    expect(codeOf(() => Engine.start(model, {}, testContext()))).toBe('NO_START_EVENT');
  });

  it('a process that loops without waiting stops with STEP_LIMIT_EXCEEDED instead of hanging', async () => {
    // given: two pass-through tasks in a cycle
    const element = (id: string, incoming: string[], outgoing: string[], kind = 'task') => ({
      id,
      type: 'bpmn:Task',
      kind,
      scopeId: 'p',
      incoming,
      outgoing,
    });
    const model = {
      id: 'p',
      isExecutable: true,
      startEventId: 's',
      elements: {
        s: element('s', [], ['f0'], 'startEvent:none'),
        a: element('a', ['f0', 'f2'], ['f1']),
        b: element('b', ['f1'], ['f2']),
      },
      flows: {
        f0: { id: 'f0', sourceId: 's', targetId: 'a' },
        f1: { id: 'f1', sourceId: 'a', targetId: 'b' },
        f2: { id: 'f2', sourceId: 'b', targetId: 'a' },
      },
    };

    // when / then
    expect(codeOf(() => Engine.start(model, {}, testContext()))).toBe('STEP_LIMIT_EXCEEDED');
  });
});

describe('Engine.cancel', () => {
  it('terminates the instance and cancels open tasks, service jobs and timers, nested ones included', async () => {
    // given
    const instance = await InstanceDriver.start('sub-process.bpmn');
    const inner = instance.task('Task_Inner');

    // when
    instance.cancel('withdrawn by the applicant');

    // then
    expect(instance.status).toBe('terminated');
    expect(instance.last).toContainEqual({ type: 'task.cancelled', taskId: inner.id });
    expect(instance.last).toContainEqual({ type: 'instance.terminated', reason: 'withdrawn by the applicant' });
    expect(instance.state.tokens).toEqual([]);
    expect(instance.state.scopes).toHaveLength(1);
  });

  it('cancels boundary timer jobs too', async () => {
    // given
    const instance = await InstanceDriver.start('timer-boundary.bpmn');
    const timers = instance.openJobs('timer').map((job) => job.id);

    // when
    instance.cancel();

    // then
    const cancelled = instance.last.flatMap((e) => (e.type === 'job.cancelled' ? [e.jobId] : []));
    expect(cancelled.sort()).toEqual(timers.sort());
  });
});

describe('Engine.waitingMessages', () => {
  it('lists each waited-for name once', async () => {
    // given
    const result: EngineResult = Engine.start(await loadModel('message-boundary.bpmn'), {}, testContext());

    // when
    const names = Engine.waitingMessages(result.state);

    // then
    expect(names.sort()).toEqual(['remind', 'withdraw']);
  });
});
