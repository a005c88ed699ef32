import { InstanceDriver } from '../__tests__/engine.harness';

describe('user task', () => {
  it('creates a task with the mc: assignment, a normalised duration, status and form', async () => {
    // given / when
    const instance = await InstanceDriver.start('user-task.bpmn');

    // then
    const task = instance.task('Task_Receive');
    expect(task).toMatchObject({ name: 'Tiếp nhận', elementId: 'Task_Receive' });
    expect(task.spec).toEqual({
      unit: 'receiving',
      candidateGroups: ['reception', 'head'],
      duration: 'P2D',
      status: 'received',
      form: { outcomes: ['approve', 'reject'] },
    });
    expect(instance.history('task.created')).toEqual([
      { type: 'task.created', elementId: 'Task_Receive', taskId: task.id },
    ]);
  });

  it('keeps an ISO duration and moves on when the task is completed, merging its variables', async () => {
    // given
    const instance = await InstanceDriver.start('user-task.bpmn', { variables: { applicant: 'Nguyễn Văn A' } });

    // when
    instance.completeTask('Task_Receive', { outcome: 'approve' });

    // then
    expect(instance.task('Task_Hours').spec.duration).toBe('PT4H');
    expect(instance.state.variables).toEqual({ applicant: 'Nguyễn Văn A', outcome: 'approve' });
    expect(instance.history('task.completed')).toEqual([expect.objectContaining({ elementId: 'Task_Receive' })]);
  });

  it('completes the instance after the last task', async () => {
    // given
    const instance = await InstanceDriver.start('user-task.bpmn');

    // when
    instance.completeTask('Task_Receive').completeTask('Task_Hours');

    // then
    expect(instance.status).toBe('completed');
    expect(instance.last).toContainEqual({ type: 'instance.completed' });
    expect(instance.visited()).toEqual(['Start', 'Task_Receive', 'Task_Hours', 'End']);
  });

  it('falls back to camunda: and zeebe: assignments when there is no mc: one', async () => {
    // given
    const instance = await InstanceDriver.start('vendor-assignments.bpmn');

    // when
    const camunda = instance.task('Task_Camunda').spec;
    instance.completeTask('Task_Camunda');
    const zeebe = instance.task('Task_Zeebe').spec;
    instance.completeTask('Task_Zeebe');
    const mcFirst = instance.task('Task_Mc_First').spec;

    // then
    expect(camunda).toEqual({
      candidateGroups: ['specialist', 'head'],
      assignee: 'demo',
      dueDate: '2025-03-10T10:00:00+07:00',
    });
    expect(zeebe).toEqual({ candidateGroups: ['leader', 'head'], dueDate: '2025-03-11T10:00:00+07:00' });
    expect(mcFirst).toEqual({ candidateGroups: ['reception'] });
  });
});
