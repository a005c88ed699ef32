import { InstanceDriver } from '../__tests__/engine.harness';

describe('parallel gateway', () => {
  it('forks a task on every branch', async () => {
    // given / when
    const instance = await InstanceDriver.start('parallel-gateway.bpmn');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_A', 'Task_B', 'Task_C']);
  });

  it('joins only when every branch has arrived', async () => {
    // given
    const instance = await InstanceDriver.start('parallel-gateway.bpmn');

    // when
    instance.completeTask('Task_B').completeTask('Task_A');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_C']);
    instance.completeTask('Task_C');
    expect(instance.openTaskElements()).toEqual(['Task_After']);
    expect(instance.visited().filter((id) => id === 'Gateway_Join')).toHaveLength(1);
  });

  it('keeps the instance running while a join waits, and completes after it', async () => {
    // given
    const instance = await InstanceDriver.start('parallel-gateway.bpmn');

    // when
    instance.completeTask('Task_A').completeTask('Task_B').completeTask('Task_C').completeTask('Task_After');

    // then
    expect(instance.status).toBe('completed');
    expect(instance.state.joins).toEqual({});
  });
});
