import { Engine } from '../index';
import { InstanceDriver } from '../__tests__/engine.harness';

describe('receive task and message intermediate catch event', () => {
  it('wait for their message by name', async () => {
    // given / when
    const instance = await InstanceDriver.start('message.bpmn');

    // then
    expect(Engine.waitingMessages(instance.state)).toEqual(['payment-received']);
    expect(instance.openTasks()).toEqual([]);
  });

  it('continue when the message is correlated, merging its variables', async () => {
    // given
    const instance = await InstanceDriver.start('message.bpmn');

    // when
    instance.correlate('payment-received', { fee: 50000 });

    // then
    expect(instance.state.variables).toEqual({ fee: 50000 });
    expect(Engine.waitingMessages(instance.state)).toEqual(['documents-supplied']);
    expect(instance.history('message.correlated')).toEqual([
      { type: 'message.correlated', elementId: 'Receive_Payment', data: { messageName: 'payment-received' } },
    ]);
    instance.correlate('documents-supplied');
    expect(instance.status).toBe('completed');
    expect(Engine.waitingMessages(instance.state)).toEqual([]);
  });
});
