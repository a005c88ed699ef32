import { Engine } from '../index';
import { InstanceDriver } from '../__tests__/engine.harness';

describe('signal events', () => {
  it('an intermediate throw wakes the catch waiting in the same instance and is emitted for broadcast', async () => {
    // given
    const instance = await InstanceDriver.start('signal.bpmn');
    expect(Engine.waitingSignals(instance.state)).toEqual(['docs-ready']);

    // when
    instance.completeTask('Task_Prepare');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Process']);
    expect(instance.last).toContainEqual({ type: 'signal.thrown', signalName: 'docs-ready', variables: {} });
    expect(instance.last).toContainEqual({ type: 'signal.thrown', signalName: 'prepared', variables: {} });
  });

  it('Engine.signal delivers a broadcast from outside, with its variables', async () => {
    // given
    const instance = await InstanceDriver.start('signal.bpmn');

    // when
    instance.signal('docs-ready', { batch: 7 });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Prepare', 'Task_Process']);
    expect(instance.state.variables.batch).toBe(7);
  });

  it('an interrupting signal boundary cancels its activity', async () => {
    // given
    const instance = await InstanceDriver.start('signal.bpmn');
    instance.signal('docs-ready');
    const processing = instance.task('Task_Process');

    // when
    instance.signal('recall');

    // then
    expect(instance.last).toContainEqual({ type: 'task.cancelled', taskId: processing.id });
    expect(instance.openTaskElements()).toEqual(['Task_Prepare', 'Task_Recalled']);
  });

  it('refuses a signal nothing waits for, with a stable code', async () => {
    // given
    const instance = await InstanceDriver.start('signal.bpmn');

    // when / then
    expect(() => instance.signal('recall')).toThrow(expect.objectContaining({ code: 'SIGNAL_NOT_CAUGHT' }));
  });
});
