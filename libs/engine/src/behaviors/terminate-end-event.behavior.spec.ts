import { InstanceDriver } from '../__tests__/engine.harness';

describe('terminate end event', () => {
  it('at process level cancels the other branches’ tasks and jobs and completes the instance', async () => {
    // given
    const instance = await InstanceDriver.start('terminate.bpmn');
    const work = instance.task('Task_Work');
    const job = instance.job('Service_Work');

    // when
    instance.completeTask('Task_Refuse');

    // then
    expect(instance.last).toContainEqual({ type: 'task.cancelled', taskId: work.id });
    expect(instance.last).toContainEqual({ type: 'job.cancelled', jobId: job.id });
    expect(instance.status).toBe('completed');
    expect(instance.last).toContainEqual({ type: 'instance.completed' });
    expect(instance.state.tokens).toEqual([]);
  });

  it('inside a subprocess ends only that subprocess, and the parent goes on', async () => {
    // given
    const instance = await InstanceDriver.start('terminate-sub-process.bpmn');
    const x = instance.task('Task_X');

    // when
    instance.completeTask('Task_Y');

    // then
    expect(instance.last).toContainEqual({ type: 'task.cancelled', taskId: x.id });
    expect(instance.openTaskElements()).toEqual(['Task_After']);
    expect(instance.status).toBe('running');
  });
});
