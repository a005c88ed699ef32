import { InstanceDriver } from '../__tests__/engine.harness';

describe('error end event and error boundary event', () => {
  it('an error thrown inside a subprocess is caught by the boundary on it, cancelling the work inside', async () => {
    // given / when
    const instance = await InstanceDriver.start('error-sub-process.bpmn', { variables: { valid: false } });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Supplement']);
    const review = instance.effects.find((e) => e.type === 'task.created' && e.task.elementId === 'Task_Review');
    expect(instance.effects).toContainEqual({
      type: 'task.cancelled',
      taskId: review?.type === 'task.created' ? review.task.id : '',
    });
    expect(instance.history('error.caught')).toEqual([
      { type: 'error.caught', elementId: 'Boundary_Invalid', data: { errorCode: 'DOSSIER_INVALID' } },
    ]);
    expect(instance.state.scopes).toHaveLength(1);
  });

  it('reads event definitions given by reference to a top-level definition (eventDefinitionRef, issue 21 #3)', async () => {
    // given a message catch, an error end and its boundary whose definitions are top-level, referred to by id
    const instance = await InstanceDriver.start('event-definition-ref.bpmn');
    expect(instance.model.elements.Wait_Paid.kind).toBe('intermediateCatchEvent:message');

    // when the message comes and the subprocess ends in the error
    instance.correlate('paid');

    // then the error is thrown and caught by the boundary, not ended as a none end event
    expect(instance.history('error.caught')).toEqual([
      { type: 'error.caught', elementId: 'Boundary_Invalid', data: { errorCode: 'DOSSIER_INVALID' } },
    ]);
    expect(instance.openTaskElements()).toEqual(['Task_Supplement']);
  });

  it('without the error the subprocess completes normally', async () => {
    // given
    const instance = await InstanceDriver.start('error-sub-process.bpmn', { variables: { valid: true } });

    // when
    instance.completeTask('Task_Review');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_After']);
    expect(instance.history('error.caught')).toEqual([]);
  });

  it('propagates outwards past a boundary for another code to the nearest catch-all', async () => {
    // given / when
    const instance = await InstanceDriver.start('error-nested.bpmn');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Handle']);
    expect(instance.history('error.caught')).toEqual([
      expect.objectContaining({ elementId: 'Boundary_CatchAll', data: { errorCode: 'DEEP' } }),
    ]);
    expect(instance.visited()).not.toContain('End_Other');
    instance.completeTask('Task_Handle');
    expect(instance.status).toBe('completed');
  });

  it('uncaught, it is an incident: the token stays at the end event and the instance keeps running', async () => {
    // given / when
    const instance = await InstanceDriver.start('error-uncaught.bpmn');

    // then
    expect(instance.incidents()).toEqual([expect.objectContaining({ elementId: 'End_Error', code: 'ERROR_UNCAUGHT' })]);
    expect(instance.status).toBe('running');
    // the code, structured, for a calling instance (Engine.failCall)
    expect(instance.history('error.uncaught')).toEqual([
      { type: 'error.uncaught', elementId: 'End_Error', data: { errorCode: 'LOST' } },
    ]);
  });
});
