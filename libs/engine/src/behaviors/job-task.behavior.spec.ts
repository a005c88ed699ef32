import { InstanceDriver, T0 } from '../__tests__/engine.harness';

describe('service task and send task', () => {
  it('schedule a service job due now with mc:topic and mc:retries', async () => {
    // given / when
    const instance = await InstanceDriver.start('service-task.bpmn');

    // then
    expect(instance.openJobs()).toEqual([
      {
        id: expect.any(String),
        kind: 'service',
        elementId: 'Service_Receipt',
        dueAt: T0,
        topic: 'issue-receipt',
        retries: 5,
      },
    ]);
  });

  it('a send task runs as a service job, its topic defaulting to the element id and retries to 3', async () => {
    // given
    const instance = await InstanceDriver.start('service-task.bpmn');

    // when
    instance.completeJob('Service_Receipt', { receiptNo: 42 });

    // then
    expect(instance.state.variables).toEqual({ receiptNo: 42 });
    expect(instance.openJobs()).toEqual([
      expect.objectContaining({ elementId: 'Send_Sms', topic: 'Send_Sms', retries: 3 }),
    ]);
    instance.completeJob('Send_Sms');
    expect(instance.status).toBe('completed');
  });

  it('read the zeebe task type and camunda external topic as fallbacks', async () => {
    // given
    const instance = await InstanceDriver.start('vendor-assignments.bpmn');

    // when
    instance.completeTask('Task_Camunda').completeTask('Task_Zeebe').completeTask('Task_Mc_First');
    const zeebe = instance.job('Service_Zeebe');
    instance.completeJob('Service_Zeebe');

    // then
    expect(zeebe).toMatchObject({ topic: 'send-sms', retries: 5 });
    expect(instance.job('Service_Camunda')).toMatchObject({ topic: 'archive', retries: 3 });
  });
});
