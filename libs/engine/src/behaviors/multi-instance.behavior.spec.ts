import { fixtureXml, InstanceDriver } from '../__tests__/engine.harness';
import { parseBpmn, type EngineState } from '../index';

const localsOf = (instance: InstanceDriver) =>
  (instance.state as EngineState).scopes.flatMap((scope) => (scope.variables ? [scope.variables] : []));

describe('multi-instance', () => {
  it('parallel: one task per item, each with its own loopCounter and element variable', async () => {
    // given / when
    const instance = await InstanceDriver.start('multi-instance-parallel.bpmn', {
      variables: { agencies: ['tax', 'land', 'construction'] },
    });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Consult', 'Task_Consult', 'Task_Consult']);
    expect(localsOf(instance)).toEqual([
      { nrOfInstances: 3, nrOfActiveInstances: 3, nrOfCompletedInstances: 0 },
      { loopCounter: 1, agency: 'tax' },
      { loopCounter: 2, agency: 'land' },
      { loopCounter: 3, agency: 'construction' },
    ]);
  });

  it('parallel: continues when every instance is done, with the outputs collected in input order', async () => {
    // given
    const instance = await InstanceDriver.start('multi-instance-parallel.bpmn', {
      variables: { agencies: ['tax', 'land'] },
    });
    const [first, second] = instance.openTasks();

    // when (completed out of order)
    instance.completeTaskById(second.id, { answer: 'no objection' });
    instance.completeTaskById(first.id, { answer: 'agree' });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Decide']);
    expect(instance.state.variables.answers).toEqual(['agree', 'no objection']);
    expect((instance.state as EngineState).scopes).toHaveLength(1);
  });

  it('an empty collection passes straight through with an empty output collection', async () => {
    // given / when
    const instance = await InstanceDriver.start('multi-instance-parallel.bpmn', { variables: { agencies: [] } });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Decide']);
    expect(instance.state.variables.answers).toEqual([]);
  });

  it('a collection that is not a list is an incident on the activity', async () => {
    // given / when
    const instance = await InstanceDriver.start('multi-instance-parallel.bpmn', { variables: { agencies: 'tax' } });

    // then
    expect(instance.incidents()).toEqual([
      expect.objectContaining({ elementId: 'Task_Consult', code: 'MULTI_INSTANCE_INVALID' }),
    ]);
  });

  it('an interrupting timer boundary on a multi-instance task cancels every instance', async () => {
    // given
    const instance = await InstanceDriver.start('multi-instance-parallel.bpmn', {
      variables: { agencies: ['tax', 'land', 'construction'] },
    });
    instance.completeTask('Task_Consult', { answer: 'ok' });
    const running = instance.openTasks().map((task) => task.id);

    // when
    instance.fireTimer('Timer_Late');

    // then
    expect(instance.last.filter((e) => e.type === 'task.cancelled')).toEqual(
      expect.arrayContaining(running.map((taskId) => ({ type: 'task.cancelled', taskId }))),
    );
    expect(running).toHaveLength(2);
    expect(instance.openTaskElements()).toEqual(['Task_Late']);
    expect((instance.state as EngineState).scopes).toHaveLength(1);
    expect(instance.openJobs()).toEqual([]);
  });

  it('only one boundary timer is scheduled, on the body, not one per instance', async () => {
    // given / when
    const instance = await InstanceDriver.start('multi-instance-parallel.bpmn', {
      variables: { agencies: ['tax', 'land'] },
    });

    // then
    expect(instance.openJobs('timer')).toHaveLength(1);
  });

  it('parallel with a completion condition (Camunda 7 attributes): the instances still running are cancelled', async () => {
    // given
    const instance = await InstanceDriver.start('multi-instance-completion.bpmn', {
      variables: { voters: ['a', 'b', 'c', 'd'] },
    });
    const [first, second, ...rest] = instance.openTasks();

    // when
    instance.completeTaskById(first.id);
    instance.completeTaskById(second.id);

    // then
    expect(instance.last.filter((e) => e.type === 'task.cancelled')).toEqual(
      rest.map((task) => ({ type: 'task.cancelled', taskId: task.id })),
    );
    expect(instance.openTaskElements()).toEqual(['Task_After']);
  });

  it('an interrupting message boundary on a multi-instance task cancels every instance', async () => {
    // given
    const instance = await InstanceDriver.start('multi-instance-completion.bpmn', {
      variables: { voters: ['a', 'b'] },
    });

    // when
    instance.correlate('withdraw');

    // then
    expect(instance.openTasks()).toEqual([]);
    expect(instance.status).toBe('completed');
  });

  it('sequential on an embedded subprocess (Zeebe attributes): one instance at a time, locals visible inside', async () => {
    // given
    const instance = await InstanceDriver.start('multi-instance-sequential-sub.bpmn', {
      variables: { documents: ['deed', 'map'] },
    });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Check_Deed']);

    // when
    instance.completeTask('Task_Check_Deed', { verdict: 'valid' });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Check_Other']);

    // when
    instance.completeTask('Task_Check_Other', { verdict: 'missing' });

    // then
    expect(instance.status).toBe('completed');
    expect(instance.state.variables.checked).toEqual(['deed: valid', 'map: missing']);
  });

  it('sequential with a loop cardinality: the next instance starts when one completes, until the completion condition holds', async () => {
    // given
    const instance = await InstanceDriver.start('multi-instance-cardinality.bpmn', { variables: { attempts: 3 } });
    expect(instance.openTaskElements()).toEqual(['Task_Attempt']);

    // when
    instance.completeTask('Task_Attempt', { reached: false });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_Attempt']);
    expect(localsOf(instance)).toEqual([
      { nrOfInstances: 3, nrOfActiveInstances: 1, nrOfCompletedInstances: 1 },
      { loopCounter: 2 },
    ]);

    // when
    instance.completeTask('Task_Attempt', { reached: true });

    // then
    expect(instance.openTaskElements()).toEqual(['Task_After']);
    expect(instance.history('task.created').filter((record) => record.elementId === 'Task_Attempt')).toHaveLength(2);
  });

  it('refuses at deploy a multi-instance activity with neither collection nor cardinality', async () => {
    // given / when
    const { issues } = await parseBpmn(fixtureXml('unsupported.bpmn'));

    // then
    expect(issues).toContainEqual(
      expect.objectContaining({ elementId: 'Task_Multi', code: 'MULTI_INSTANCE_INVALID', severity: 'error' }),
    );
  });
});
