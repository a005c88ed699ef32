import { InstanceDriver } from '../__tests__/engine.harness';

describe('exclusive gateway', () => {
  it('takes the first flow whose =FEEL condition holds', async () => {
    // given / when
    const instance = await InstanceDriver.start('exclusive-gateway.bpmn', {
      variables: { approved: true, amount: 500 },
    });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_A']);
    expect(instance.visited('flow.taken')).toContain('Flow_A');
  });

  it('reads ${…} conditions as FEEL too', async () => {
    // given / when
    const instance = await InstanceDriver.start('exclusive-gateway.bpmn', {
      variables: { approved: false, amount: 500 },
    });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_B']);
  });

  it('takes the default flow when no condition holds, even with variables missing', async () => {
    // given / when
    const instance = await InstanceDriver.start('exclusive-gateway.bpmn');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_C']);
  });

  it('merges: a token arriving at a converging exclusive gateway passes on', async () => {
    // given
    const instance = await InstanceDriver.start('exclusive-gateway.bpmn');

    // when
    instance.completeTask('Task_C');

    // then
    expect(instance.status).toBe('completed');
  });

  it('raises an incident when nothing matches and there is no default; the token waits and the instance runs', async () => {
    // given / when
    const instance = await InstanceDriver.start('exclusive-no-default.bpmn', {
      variables: { approved: false, decision: false },
    });

    // then
    expect(instance.incidents()).toEqual([
      { type: 'incident', elementId: 'Gateway_Split', code: 'NO_MATCHING_FLOW', message: expect.any(String) },
    ]);
    expect(instance.status).toBe('running');
    expect(instance.openTasks()).toEqual([]);
  });

  it('raises an incident when a condition does not give a boolean', async () => {
    // given / when
    const instance = await InstanceDriver.start('exclusive-no-default.bpmn', {
      variables: { approved: false, decision: 'yes' },
    });

    // then
    expect(instance.incidents()).toEqual([
      expect.objectContaining({ elementId: 'Gateway_Split', code: 'FEEL_EVALUATION_FAILED' }),
    ]);
    expect(instance.status).toBe('running');
  });
});
