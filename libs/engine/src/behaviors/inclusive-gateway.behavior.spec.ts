import { InstanceDriver, loadModel } from '../__tests__/engine.harness';

describe('inclusive gateway', () => {
  it('splits onto every flow whose condition holds', async () => {
    // given / when
    const instance = await InstanceDriver.start('inclusive-gateway.bpmn', { variables: { land: true, tax: true } });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_A', 'Task_B']);
  });

  it('takes the default flow when no condition holds', async () => {
    // given / when
    const instance = await InstanceDriver.start('inclusive-gateway.bpmn', { variables: { land: false } });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_C']);
  });

  it('joins: waits for a branch that can still arrive, then continues once', async () => {
    // given
    const instance = await InstanceDriver.start('inclusive-gateway.bpmn', {
      variables: { land: true, tax: true, skip: false },
    });

    // when
    instance.completeTask('Task_A');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_B']);

    // when
    instance.completeTask('Task_B');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_After']);
    expect(instance.state.joins).toEqual({});
  });

  it('joins without waiting for a branch that ended elsewhere', async () => {
    // given
    const instance = await InstanceDriver.start('inclusive-gateway.bpmn', {
      variables: { land: true, tax: true, skip: false },
    });
    instance.completeTask('Task_A');

    // when the other branch leaves by a path that never reaches the join
    instance.completeTask('Task_B', { skip: true });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_After']);
    instance.completeTask('Task_After');
    expect(instance.status).toBe('completed');
  });

  it('joins once when both branches arrive in the same command (BPMN 2.0.2 §13.4.3, issue 21 #1)', async () => {
    // given an inclusive split with two true flows onto pass-through tasks, joined again before C

    // when the instance starts (both branches reach the join without waiting)
    const instance = await InstanceDriver.start('inclusive-join-one-command.bpmn');

    // then the join, C and the end run once each and nothing is left waiting
    expect(instance.visited()).toEqual(['Start', 'Split', 'Task_A', 'Task_B', 'Join', 'Task_C', 'End']);
    expect(instance.status).toBe('completed');
    expect(instance.state.joins).toEqual({});
  });

  it('after an exclusive split, joins at once: the branch not chosen is never waited for', async () => {
    // given
    const instance = await InstanceDriver.start('inclusive-after-exclusive.bpmn', { variables: { route: 'a' } });

    // when
    instance.completeTask('Task_A');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_After']);
  });

  it('precomputes at parse time what can still reach the join', async () => {
    // given / when
    const model = await loadModel('inclusive-gateway.bpmn');

    // then
    expect(model.elements.Join.joinUpstream).toEqual(['Decide_B', 'Split', 'Start', 'Task_A', 'Task_B', 'Task_C']);
  });
});
