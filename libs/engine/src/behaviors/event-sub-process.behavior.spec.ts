import { Engine } from '../index';
import { InstanceDriver } from '../__tests__/engine.harness';

describe('event subprocess', () => {
  it('subscribes the message, timer and signal starts of its scope; a non-interrupting escalation start runs alongside', async () => {
    // given / when
    const instance = await InstanceDriver.start('event-sub-process.bpmn');

    // then
    expect(Engine.waitingMessages(instance.state)).toEqual(['withdraw']);
    expect(Engine.waitingSignals(instance.state)).toEqual(['law-changed']);
    expect(instance.openJobs('timer').map((job) => job.elementId)).toEqual(['Start_Remind']);
    expect(instance.openTaskElements()).toEqual(['Task_Expedite', 'Task_Review']);
  });

  it('an interrupting message start cancels everything in the scope, nested subprocess included', async () => {
    // given
    const instance = await InstanceDriver.start('event-sub-process.bpmn');
    const review = instance.task('Task_Review');
    const reminder = instance.job('Start_Remind', 'timer');

    // when
    instance.correlate('withdraw');

    // then
    expect(instance.last).toContainEqual({ type: 'task.cancelled', taskId: review.id });
    expect(instance.last).toContainEqual({ type: 'job.cancelled', jobId: reminder.id });
    expect(instance.openTaskElements()).toEqual(['Task_Refund']);
    expect(Engine.waitingSignals(instance.state)).toEqual([]);

    // when
    instance.completeTask('Task_Refund');

    // then
    expect(instance.status).toBe('completed');
  });

  it('a non-interrupting timer start runs beside the main flow', async () => {
    // given
    const instance = await InstanceDriver.start('event-sub-process.bpmn');

    // when
    instance.fireTimer('Start_Remind');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Expedite', 'Task_Remind', 'Task_Review']);
  });

  it('a non-interrupting signal start keeps listening for the next signal', async () => {
    // given
    const instance = await InstanceDriver.start('event-sub-process.bpmn');

    // when
    instance.signal('law-changed').signal('law-changed');

    // then
    expect(instance.openTaskElements().filter((id) => id === 'Task_Recheck')).toHaveLength(2);
  });

  it('an error end inside the nested subprocess is caught by the error start of the outer scope', async () => {
    // given
    const instance = await InstanceDriver.start('event-sub-process.bpmn');

    // when
    instance.completeTask('Task_Review', { invalid: true });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Fix']);
    expect(instance.history('error.caught')).toEqual([
      { type: 'error.caught', elementId: 'Evt_Invalid', data: { errorCode: 'invalid' } },
    ]);
  });

  it('when the scope completes, its event subprocesses stop listening', async () => {
    // given
    const instance = await InstanceDriver.start('event-sub-process.bpmn');
    instance.completeTask('Task_Expedite').completeTask('Task_Review', { invalid: false });

    // when
    instance.completeTask('Task_Issue');

    // then
    expect(instance.status).toBe('completed');
    expect(instance.openJobs()).toEqual([]);
    expect(instance.state.tokens).toEqual([]);
  });
});
