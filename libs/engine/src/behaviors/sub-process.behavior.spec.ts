import { InstanceDriver } from '../__tests__/engine.harness';

describe('embedded subprocess', () => {
  it('runs its own scope, nested subprocesses included', async () => {
    // given / when
    const instance = await InstanceDriver.start('sub-process.bpmn');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Inner']);
    expect(instance.state.scopes).toHaveLength(3);
  });

  it('completes when its scope has nothing left, innermost first', async () => {
    // given
    const instance = await InstanceDriver.start('sub-process.bpmn');

    // when
    instance.completeTask('Task_Inner');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Middle']);
    expect(instance.visited()).toEqual(['Start', 'Start_Outer', 'Start_Inner', 'Task_Inner', 'End_Inner', 'Sub_Inner']);
    instance.completeTask('Task_Middle');
    expect(instance.openTaskElements()).toEqual(['Task_After']);
    expect(instance.state.scopes).toHaveLength(1);
    instance.completeTask('Task_After');
    expect(instance.status).toBe('completed');
  });
});
