import { InstanceDriver } from '../__tests__/engine.harness';

describe('escalation events', () => {
  it('a non-interrupting escalation boundary starts its path while the subprocess goes on', async () => {
    // given / when
    const instance = await InstanceDriver.start('escalation.bpmn');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Inner', 'Task_Notify']);
    expect(instance.history('escalation.caught')).toEqual([
      {
        type: 'escalation.caught',
        elementId: 'Boundary_Late',
        data: { escalationCode: 'late', thrownBy: 'Throw_Late' },
      },
    ]);
  });

  it('an escalation end caught by an interrupting boundary ends the subprocess', async () => {
    // given
    const instance = await InstanceDriver.start('escalation.bpmn');

    // when
    instance.completeTask('Task_Inner', { abort: true });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Handle', 'Task_Notify']);
    expect(instance.visited('element.cancelled')).toEqual(['Sub']);
  });

  it('uncaught, an escalation is not fatal: it is recorded and the instance goes on to complete', async () => {
    // given
    const instance = await InstanceDriver.start('escalation.bpmn');
    instance.completeTask('Task_Notify');
    instance.completeTask('Task_Inner', { abort: false });

    // when
    instance.completeTask('Task_After');

    // then
    expect(instance.history('escalation.uncaught')).toEqual([
      {
        type: 'escalation.uncaught',
        elementId: 'End_Uncaught',
        data: { escalationCode: 'nobody', thrownBy: 'End_Uncaught' },
      },
    ]);
    expect(instance.status).toBe('completed');
    expect(instance.incidents()).toEqual([]);
  });
});
