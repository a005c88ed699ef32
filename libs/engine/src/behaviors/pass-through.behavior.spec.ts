import { InstanceDriver } from '../__tests__/engine.harness';

describe('manual task, untyped task and none intermediate throw event', () => {
  it('pass through, leaving only history', async () => {
    // given / when
    const instance = await InstanceDriver.start('pass-through.bpmn');

    // then
    expect(instance.status).toBe('completed');
    expect(instance.visited('element.entered')).toEqual([
      'Start',
      'Manual_Stamp',
      'Task_Plain',
      'Throw_Milestone',
      'End',
    ]);
    expect(instance.visited('flow.taken')).toEqual(['Flow_1', 'Flow_2', 'Flow_3', 'Flow_4']);
    expect(instance.openTasks()).toEqual([]);
    expect(instance.openJobs()).toEqual([]);
  });
});
