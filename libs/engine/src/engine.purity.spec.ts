import fc from 'fast-check';
import { Engine, type EngineResult, type InstanceState, type ProcessModel } from './index';
import { InstanceDriver, loadModel, testContext } from './__tests__/engine.harness';

const REVIEW_TASKS = ['Task_ThamDinh', 'Task_YKien'];

describe('purity', () => {
  it('never changes the state or the model it is given', async () => {
    // given
    const model = await loadModel('parallel-review.bpmn');
    const modelBefore = JSON.stringify(model);
    const ctx = testContext();
    const started = Engine.start(model, { variables: { approved: true } }, ctx);
    const stateBefore = JSON.stringify(started.state);
    const task = started.effects.find((e) => e.type === 'task.created');

    // when
    const next = Engine.completeTask(
      model,
      started.state,
      { taskId: task?.type === 'task.created' ? task.task.id : '', variables: { approved: true } },
      ctx,
    );

    // then
    expect(JSON.stringify(started.state)).toBe(stateBefore);
    expect(JSON.stringify(model)).toBe(modelBefore);
    expect(next.state).not.toBe(started.state);
  });

  it('does not keep references to the variables it was given', async () => {
    // given
    const model = await loadModel('four-steps.bpmn');
    const variables = { applicant: { name: 'A' } };

    // when
    const { state } = Engine.start(model, { variables }, testContext());
    variables.applicant.name = 'changed';

    // then
    expect(state.variables).toEqual({ applicant: { name: 'A' } });
  });

  it('continues after the model and the state went through JSON in the middle of a run', async () => {
    // given
    const model = await loadModel('parallel-review.bpmn');
    const ctx = testContext();
    let result: EngineResult = Engine.start(model, {}, ctx);
    const taskOf = (r: EngineResult, elementId: string) =>
      r.effects.flatMap((e) => (e.type === 'task.created' && e.task.elementId === elementId ? [e.task.id] : []))[0];
    result = Engine.completeTask(
      model,
      result.state,
      { taskId: taskOf(result, 'Task_TiepNhan'), variables: { approved: true } },
      ctx,
    );
    const forkEffects = result;

    // when
    const reloadedModel = JSON.parse(JSON.stringify(model)) as ProcessModel;
    const reloadedState = JSON.parse(JSON.stringify(result.state)) as InstanceState;
    result = Engine.completeTask(reloadedModel, reloadedState, { taskId: taskOf(forkEffects, 'Task_ThamDinh') }, ctx);
    result = Engine.completeTask(reloadedModel, result.state, { taskId: taskOf(forkEffects, 'Task_YKien') }, ctx);
    result = Engine.completeTask(reloadedModel, result.state, { taskId: taskOf(result, 'Task_KyDuyet') }, ctx);

    // then
    expect(result.state.status).toBe('completed');
  });

  it('is deterministic: the same commands with the same clock and ids give the same results', async () => {
    // given
    const model = await loadModel('parallel-review.bpmn');
    const play = () => {
      const ctx = testContext();
      const started = Engine.start(model, { variables: { approved: true } }, ctx);
      return JSON.stringify(started);
    };

    // when / then
    expect(play()).toBe(play());
  });

  it('completes parallel-review whatever order its parallel tasks are completed in', async () => {
    // given
    const model = await loadModel('parallel-review.bpmn');

    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(REVIEW_TASKS, { minLength: 2, maxLength: 2 }), async (order) => {
        // when
        const instance = new InstanceDriver(model);
        instance.apply(Engine.start(model, {}, instance.ctx));
        instance.completeTask('Task_TiepNhan', { approved: true });
        for (const elementId of order) instance.completeTask(elementId);
        instance.completeTask('Task_KyDuyet');

        // then
        expect(instance.status).toBe('completed');
        expect(instance.openTasks()).toEqual([]);
      }),
    );
  });
});
