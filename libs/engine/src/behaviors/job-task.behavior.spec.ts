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
  it('a send task with a messageRef sends the message and completes, without a job (issue 21 #6)', async () => {
    // given a send task naming bpmn:Message "fee-paid" and no worker topic

    // when the instance reaches it
    const instance = await InstanceDriver.start('send-task-message.bpmn');

    // then the message goes out as an effect (the persistence layer correlates it) and the task is done
    expect(instance.effects).toContainEqual({
      type: 'message.sent',
      elementId: 'Send_Paid',
      messageName: 'fee-paid',
      variables: {},
    });
    expect(instance.visited()).toEqual(['Start', 'Send_Paid']);
    // with a worker topic as well, the worker's handler sends it: a job as before
    expect(instance.openJobs().map((job) => [job.elementId, job.topic])).toEqual([['Send_By_Worker', 'portal-notify']]);
  });
});
