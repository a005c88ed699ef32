import { Engine } from '../index';
import { InstanceDriver, loadModel, testContext } from '../__tests__/engine.harness';

describe('start by message', () => {
  it('lists the message start events as metadata, like timerStart', async () => {
    // given / when
    const model = await loadModel('message-start.bpmn');

    // then
    expect(model.messageStarts).toEqual([{ elementId: 'Start_Online', messageName: 'dossier-submitted-online' }]);
    expect(model.startEventId).toBe('Start_Counter');
  });

  it('Engine.start with a messageName starts at that message start event', async () => {
    // given
    const model = await loadModel('message-start.bpmn');
    const instance = new InstanceDriver(model);

    // when
    instance.apply(
      Engine.start(model, { messageName: 'dossier-submitted-online', variables: { channel: 'online' } }, instance.ctx),
    );

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Check_Online']);
    expect(instance.history('instance.started')[0].data).toEqual({ messageName: 'dossier-submitted-online' });
  });

  it('Engine.start with a startEventId starts there; without either, at the none start', async () => {
    // given
    const model = await loadModel('message-start.bpmn');

    // when
    const byId = Engine.start(model, { startEventId: 'Start_Online' }, testContext());
    const plain = await InstanceDriver.start('message-start.bpmn');

    // then
    expect(byId.effects).toContainEqual(
      expect.objectContaining({
        type: 'task.created',
        task: expect.objectContaining({ elementId: 'Task_Check_Online' }),
      }),
    );
    expect(plain.openTaskElements()).toEqual(['Task_Receive']);
  });

  it('refuses an unknown message or start event with stable codes', async () => {
    // given
    const model = await loadModel('message-start.bpmn');

    // when / then
    expect(() => Engine.start(model, { messageName: 'nope' }, testContext())).toThrow(
      expect.objectContaining({ code: 'MESSAGE_START_NOT_FOUND' }),
    );
    expect(() => Engine.start(model, { startEventId: 'Task_Receive' }, testContext())).toThrow(
      expect.objectContaining({ code: 'START_EVENT_NOT_FOUND' }),
    );
  });
});
