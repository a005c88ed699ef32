import { Engine } from '../index';
import { InstanceDriver } from '../__tests__/engine.harness';

describe('event-based gateway', () => {
  it('subscribes to every following message and timer', async () => {
    // given / when
    const instance = await InstanceDriver.start('event-based-gateway.bpmn');

    // then
    expect(Engine.waitingMessages(instance.state)).toEqual(['supplement']);
    expect(Engine.waitingSignals(instance.state)).toEqual(['recall']);
    expect(instance.openJobs()).toEqual([
      expect.objectContaining({ kind: 'timer', elementId: 'Catch_Timeout', dueAt: '2025-03-05T01:00:00.000Z' }),
    ]);
  });

  it('the message wins: the timer is cancelled and the message branch runs', async () => {
    // given
    const instance = await InstanceDriver.start('event-based-gateway.bpmn');
    const timer = instance.job('Catch_Timeout');

    // when
    instance.correlate('supplement', { supplemented: true });

    // then
    expect(instance.last).toContainEqual({ type: 'job.cancelled', jobId: timer.id });
    expect(instance.openTaskElements()).toEqual(['Task_Process']);
    expect(instance.visited()).toEqual(['Start', 'Gateway_Wait', 'Catch_Supplement']);
  });

  it('the timer wins: the subscription is dropped and the timer branch runs', async () => {
    // given
    const instance = await InstanceDriver.start('event-based-gateway.bpmn');

    // when
    instance.fireTimer('Catch_Timeout');

    // then
    expect(Engine.waitingMessages(instance.state)).toEqual([]);
    expect(instance.status).toBe('completed');
    expect(instance.visited()).toEqual(['Start', 'Gateway_Wait', 'Catch_Timeout', 'End_Timeout']);
  });

  it('a signal branch wins like the others: the message and timer subscriptions are dropped', async () => {
    // given
    const instance = await InstanceDriver.start('event-based-gateway.bpmn');
    const timer = instance.job('Catch_Timeout');

    // when
    instance.signal('recall');

    // then
    expect(instance.last).toContainEqual({ type: 'job.cancelled', jobId: timer.id });
    expect(Engine.waitingMessages(instance.state)).toEqual([]);
    expect(instance.status).toBe('completed');
    expect(instance.visited()).toEqual(['Start', 'Gateway_Wait', 'Catch_Recall', 'End_Recalled']);
  });
});
