import { Engine } from '../index';
import { InstanceDriver, loadModel } from '../__tests__/engine.harness';

describe('call activity', () => {
  it('emits call.started with the input mappings applied and waits', async () => {
    // given / when
    const instance = await InstanceDriver.start('call-activity.bpmn', {
      variables: { dossier: { area: 120 }, applicant: 'Nguyễn Văn A', secret: 1 },
    });

    // then
    expect(instance.last).toContainEqual({
      type: 'call.started',
      callId: expect.any(String),
      elementId: 'Call_Review',
      calledElement: 'land-review',
      variables: { area: 120, applicant: 'Nguyễn Văn A' },
    });
    expect(instance.status).toBe('running');
  });

  it('completeCall applies the output mappings and continues', async () => {
    // given
    const instance = await InstanceDriver.start('call-activity.bpmn', { variables: { dossier: { area: 120 } } });

    // when
    instance.completeCall('Call_Review', { verdict: 'approved', internal: 'x' });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Issue']);
    expect(instance.state.variables).toMatchObject({ reviewVerdict: 'approved' });
    expect(instance.state.variables).not.toHaveProperty('internal');
    expect(instance.openJobs()).toEqual([]); // the boundary timer went with the call
  });

  it('failCall throws the child’s BPMN error at the call activity', async () => {
    // given
    const instance = await InstanceDriver.start('call-activity.bpmn', { variables: { dossier: { area: 1 } } });

    // when
    instance.failCall('Call_Review', 'rejected');

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Rejected']);
    expect(instance.last.some((e) => e.type === 'call.cancelled')).toBe(false);
  });

  it('an escalation end in the child reaches the interrupting escalation boundary on the call activity (issue 21 #2)', async () => {
    // given a child that ends in an escalation end event it does not catch, and a parent waiting on it
    const child = new InstanceDriver(await loadModel('call-activity-escalation.bpmn', 'escalation-child'));
    child.apply(Engine.start(child.model, {}, child.ctx));
    const [uncaught] = child.history('escalation.uncaught');
    expect(uncaught).toEqual({
      type: 'escalation.uncaught',
      elementId: 'Child_Escalate',
      data: { escalationCode: 'LATE', thrownBy: 'Child_Escalate' },
    });
    const parent = new InstanceDriver(await loadModel('call-activity-escalation.bpmn', 'escalation-parent'));
    parent.apply(Engine.start(parent.model, {}, parent.ctx));
    const callId = parent.callId('Call_Child');

    // when the escalation is thrown at the call activity
    parent.escalateCall('Call_Child', 'LATE');

    // then the boundary takes over, the call ends and its child is to be cancelled
    expect(parent.openTaskElements()).toEqual(['Task_Late']);
    expect(parent.last).toContainEqual({ type: 'call.cancelled', callId });
    expect(parent.history('escalation.caught')).toEqual([
      {
        type: 'escalation.caught',
        elementId: 'Boundary_Late',
        data: { escalationCode: 'LATE', thrownBy: 'Call_Child', callId },
      },
    ]);
  });

  it('a non-interrupting escalation boundary on the call activity starts its path while the call keeps waiting', async () => {
    // given
    const parent = new InstanceDriver(await loadModel('call-activity-escalation.bpmn', 'escalation-parent'));
    parent.apply(Engine.start(parent.model, {}, parent.ctx));

    // when the child escalates NOTICE
    parent.escalateCall('Call_Child', 'NOTICE');

    // then the boundary's path runs and the call still waits for the child to complete
    expect(parent.openTaskElements()).toEqual(['Task_Notice']);
    expect(parent.last.some((e) => e.type === 'call.cancelled')).toBe(false);
    parent.completeCall('Call_Child');
    expect(parent.openTaskElements()).toEqual(['Task_After', 'Task_Notice']);
  });

  it('an escalation nobody catches in the parent is recorded on the call activity, which keeps waiting', async () => {
    // given
    const parent = new InstanceDriver(await loadModel('call-activity-escalation.bpmn', 'escalation-parent'));
    parent.apply(Engine.start(parent.model, {}, parent.ctx));

    // when
    parent.escalateCall('Call_Child', 'OTHER');

    // then it goes on up (for this instance's own caller) and nothing else happens
    expect(parent.history('escalation.uncaught')).toEqual([
      expect.objectContaining({ elementId: 'Call_Child', data: expect.objectContaining({ escalationCode: 'OTHER' }) }),
    ]);
    expect(() => parent.callId('Call_Child')).not.toThrow();
    expect(parent.incidents()).toEqual([]);
  });

  it('an uncaught error from the child is an incident and the call keeps waiting', async () => {
    // given
    const instance = await InstanceDriver.start('call-activity.bpmn', { variables: { dossier: { area: 1 } } });

    // when
    instance.failCall('Call_Review', 'other');

    // then
    expect(instance.incidents()).toEqual([
      expect.objectContaining({ elementId: 'Call_Review', code: 'ERROR_UNCAUGHT' }),
    ]);
    expect(() => instance.callId('Call_Review')).not.toThrow();
  });

  it('interrupting the call (boundary timer) emits call.cancelled so the child is cancelled', async () => {
    // given
    const instance = await InstanceDriver.start('call-activity.bpmn', { variables: { dossier: { area: 1 } } });
    const callId = instance.callId('Call_Review');

    // when
    instance.fireTimer('Timer_Late');

    // then
    expect(instance.last).toContainEqual({ type: 'call.cancelled', callId });
    expect(instance.status).toBe('completed');
  });

  it('cancelling the parent cancels the call', async () => {
    // given
    const instance = await InstanceDriver.start('call-activity.bpmn', { variables: { dossier: { area: 1 } } });
    const callId = instance.callId('Call_Review');

    // when
    instance.cancel('withdrawn');

    // then
    expect(instance.last).toContainEqual({ type: 'call.cancelled', callId });
  });

  it('reads Zeebe calledElement/ioMapping and Camunda in/out', async () => {
    // given / when
    const model = await loadModel('call-activity-zeebe.bpmn');

    // then
    expect(model.elements.Call_Zeebe.call).toEqual({
      calledElement: 'child-z',
      inputs: [{ source: 'fee * 2', target: 'doubled' }],
    });
    expect(model.elements.Call_Camunda.call).toEqual({
      calledElement: 'child-c',
      inputs: [{ source: 'fee', target: 'amount' }],
      outputs: [{ source: 'paid', target: 'paid' }],
    });
  });

  it('without mappings passes every variable both ways', async () => {
    // given
    const model = await loadModel('call-activity-zeebe.bpmn');
    const instance = new InstanceDriver(model);
    instance.apply(Engine.start(model, { variables: { fee: 10 } }, instance.ctx));

    // when
    instance.completeCall('Call_Zeebe', { receipt: 'R-1' });

    // then
    expect(instance.state.variables).toMatchObject({ fee: 10, receipt: 'R-1' });
    expect(instance.last).toContainEqual(
      expect.objectContaining({ type: 'call.started', elementId: 'Call_Camunda', variables: { amount: 10 } }),
    );
  });

  it('multi-instance: one call per item, each with its own input, outputs collected', async () => {
    // given
    const instance = await InstanceDriver.start('multi-instance-call.bpmn', { variables: { units: ['tax', 'land'] } });

    // then
    const started = instance.effects.flatMap((e) => (e.type === 'call.started' ? [e.variables] : []));
    expect(started).toEqual([{ unit: 'tax' }, { unit: 'land' }]);

    // when
    instance.completeCall('Call_Each', { opinion: 'agree' }).completeCall('Call_Each', { opinion: 'object' });

    // then
    expect(instance.status).toBe('completed');
    expect(instance.state.variables.opinions).toEqual(['agree', 'object']);
  });
});
