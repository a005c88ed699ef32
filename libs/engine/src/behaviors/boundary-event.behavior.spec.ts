import { Engine } from '../index';
import { InstanceDriver } from '../__tests__/engine.harness';

describe('message boundary event', () => {
  it('subscribes while its activity waits', async () => {
    // given / when
    const instance = await InstanceDriver.start('message-boundary.bpmn');

    // then
    expect(Engine.waitingMessages(instance.state).sort()).toEqual(['remind', 'withdraw']);
  });

  it('interrupting: cancels the task and leaves by the boundary', async () => {
    // given
    const instance = await InstanceDriver.start('message-boundary.bpmn');
    const review = instance.task('Task_Review');

    // when
    instance.correlate('withdraw');

    // then
    expect(instance.last).toContainEqual({ type: 'task.cancelled', taskId: review.id });
    expect(instance.status).toBe('completed');
    expect(instance.visited()).toEqual(['Start', 'Boundary_Withdraw', 'End_Withdrawn']);
    expect(Engine.waitingMessages(instance.state)).toEqual([]);
  });

  it('non-interrupting: keeps the task, adds a path, and keeps listening', async () => {
    // given
    const instance = await InstanceDriver.start('message-boundary.bpmn');

    // when
    instance.correlate('remind');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Notify', 'Task_Review']);
    expect(Engine.waitingMessages(instance.state).sort()).toEqual(['remind', 'withdraw']);
    instance.completeTask('Task_Review');
    expect(Engine.waitingMessages(instance.state)).toEqual([]);
    expect(instance.status).toBe('running');
    instance.completeTask('Task_Notify');
    expect(instance.status).toBe('completed');
  });
});

describe('error boundary on a service task', () => {
  it('catches a BPMN error raised by the handler', async () => {
    // given
    const instance = await InstanceDriver.start('service-error.bpmn');
    const job = instance.job('Service_Pay');

    // when
    instance.throwError('Service_Pay', 'PAYMENT_REJECTED', 'card declined');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Fix']);
    expect(instance.last).not.toContainEqual({ type: 'job.cancelled', jobId: job.id });
    expect(instance.history('error.caught')).toEqual([
      {
        type: 'error.caught',
        elementId: 'Boundary_Rejected',
        data: { errorCode: 'PAYMENT_REJECTED', message: 'card declined' },
      },
    ]);
  });

  it('an error no boundary matches is an incident; the job can still complete', async () => {
    // given
    const instance = await InstanceDriver.start('service-error.bpmn');

    // when
    instance.throwError('Service_Pay', 'SOMETHING_ELSE');

    // then
    expect(instance.incidents()).toEqual([
      expect.objectContaining({ elementId: 'Service_Pay', code: 'ERROR_UNCAUGHT' }),
    ]);
    expect(instance.status).toBe('running');
    instance.completeJob('Service_Pay');
    expect(instance.status).toBe('completed');
  });
});

describe('timer boundary event', () => {
  it('schedules its timers while the activity waits', async () => {
    // given / when
    const instance = await InstanceDriver.start('timer-boundary.bpmn');

    // then
    expect(instance.openJobs('timer')).toEqual([
      { id: expect.any(String), kind: 'timer', elementId: 'Boundary_Deadline', dueAt: '2025-03-03T09:00:00.000Z' },
      { id: expect.any(String), kind: 'timer', elementId: 'Boundary_Remind', dueAt: '2025-03-03T02:00:00.000Z' },
    ]);
  });

  it('non-interrupting cycle: fires, adds a path, reschedules until its repetitions are spent', async () => {
    // given
    const instance = await InstanceDriver.start('timer-boundary.bpmn');

    // when
    instance.ctx.clock.set('2025-03-03T02:00:00.000Z');
    instance.fireTimer('Boundary_Remind');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Step']);
    expect(instance.job('Service_Remind', 'service')).toBeDefined();
    expect(instance.job('Boundary_Remind', 'timer').dueAt).toBe('2025-03-03T03:00:00.000Z');
    instance.ctx.clock.set('2025-03-03T03:00:00.000Z');
    instance.fireTimer('Boundary_Remind');
    expect(instance.openJobs('timer').map((job) => job.elementId)).toEqual(['Boundary_Deadline']);
  });

  it('interrupting: cancels the task and its other timers, and leaves by the boundary', async () => {
    // given
    const instance = await InstanceDriver.start('timer-boundary.bpmn');
    const step = instance.task('Task_Step');
    const remind = instance.job('Boundary_Remind', 'timer');

    // when
    instance.fireTimer('Boundary_Deadline');

    // then
    expect(instance.last).toContainEqual({ type: 'task.cancelled', taskId: step.id });
    expect(instance.last).toContainEqual({ type: 'job.cancelled', jobId: remind.id });
    expect(instance.openTaskElements()).toEqual(['Task_Escalate']);
    expect(instance.openJobs('timer')).toEqual([]);
  });

  it('completing the task cancels its boundary timers', async () => {
    // given
    const instance = await InstanceDriver.start('timer-boundary.bpmn');

    // when
    instance.completeTask('Task_Step');

    // then
    expect(instance.last.filter((e) => e.type === 'job.cancelled')).toHaveLength(2);
    expect(instance.status).toBe('completed');
  });
});
