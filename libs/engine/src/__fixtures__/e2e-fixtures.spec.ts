import { fixtureXml, InstanceDriver, loadModel } from '../__tests__/engine.harness';

describe.each(['parallel-review.bpmn', 'four-steps.bpmn'])('%s diagram', (fixture) => {
  it('has a BPMNDI shape or edge for the process and every element and flow, so bpmn-js can draw it', async () => {
    // given
    const xml = fixtureXml(fixture);
    const model = await loadModel(fixture);

    // when
    const drawn = new Set([...xml.matchAll(/bpmnElement="([^"]+)"/g)].map((match) => match[1]));

    // then
    const ids = [model.id, ...Object.keys(model.elements), ...Object.keys(model.flows)];
    expect(ids.filter((id) => !drawn.has(id))).toEqual([]);
  });
});

describe('parallel-review.bpmn (used by the e2e tests)', () => {
  it('runs reception, the two parallel reviews, then signing in a subprocess', async () => {
    // given
    const instance = await InstanceDriver.start('parallel-review.bpmn', { businessKey: '000.20.15.H15-250303-0001' });
    expect(instance.task('Task_TiepNhan').spec).toEqual({ unit: 'receiving', candidateGroups: ['reception'], duration: 'PT4H', status: 'received' });

    // when
    instance.completeTask('Task_TiepNhan', { approved: true });
    const reviews = instance.openTaskElements();
    instance.completeTask('Task_YKien');
    const afterOne = instance.openTaskElements();
    instance.completeTask('Task_ThamDinh');
    const signing = instance.task('Task_KyDuyet');
    instance.completeTask('Task_KyDuyet');

    // then
    expect(reviews).toEqual(['Task_ThamDinh', 'Task_YKien']);
    expect(afterOne).toEqual(['Task_ThamDinh']);
    expect(signing.spec.candidateGroups).toEqual(['leader']);
    expect(instance.status).toBe('completed');
    expect(instance.visited().at(-1)).toBe('EndEvent_Done');
  });

  it('ends at "Từ chối" when the dossier is not approved', async () => {
    // given
    const instance = await InstanceDriver.start('parallel-review.bpmn');

    // when
    instance.completeTask('Task_TiepNhan', { approved: false });

    // then
    expect(instance.status).toBe('completed');
    expect(instance.visited().at(-1)).toBe('EndEvent_Rejected');
  });
});

describe('four-steps.bpmn (used by the benchmark)', () => {
  it('is a straight line of four user tasks for reception, specialist, head and leader', async () => {
    // given
    const instance = await InstanceDriver.start('four-steps.bpmn');
    const groups: string[][] = [];

    // when
    for (const elementId of ['Task_TiepNhan', 'Task_ThamDinh', 'Task_LanhDaoPhong', 'Task_LanhDaoKy']) {
      groups.push(instance.task(elementId).spec.candidateGroups);
      instance.completeTask(elementId);
    }

    // then
    expect(groups).toEqual([['reception'], ['specialist'], ['head'], ['leader']]);
    expect(instance.status).toBe('completed');
  });
});
