import { EngineError, parseBpmn } from '../index';
import { fixtureXml } from '../__tests__/engine.harness';

const BPMN = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1"';

async function parseError(xml: string): Promise<string | undefined> {
  try {
    await parseBpmn(xml);
  } catch (error) {
    if (error instanceof EngineError) return error.code;
    throw error;
  }
  return undefined;
}

describe('parseBpmn', () => {
  it('refuses XML that does not parse with BPMN_MALFORMED', async () => {
    // given / when / then
    expect(await parseError('<bpmn:definitions')).toBe('BPMN_MALFORMED');
    expect(await parseError('')).toBe('BPMN_MALFORMED');
    expect(await parseError('not xml at all')).toBe('BPMN_MALFORMED');
  });

  it('refuses well-formed XML that is not BPMN with BPMN_NOT_BPMN', async () => {
    // given / when / then
    expect(await parseError('<html><body/></html>')).toBe('BPMN_NOT_BPMN');
    expect(await parseError(`<bpmn:process ${BPMN} id="p"/>`)).toBe('BPMN_NOT_BPMN');
  });

  it('compiles a flat model: scopes, flows, defaults, boundaries and mc: attributes', async () => {
    // given
    const xml = fixtureXml('error-sub-process.bpmn');

    // when
    const { processes } = await parseBpmn(xml);

    // then
    const [model] = processes;
    expect(model.id).toBe('error-sub-process');
    expect(model.startEventId).toBe('Start');
    expect(model.elements.Sub_Check).toMatchObject({
      kind: 'subProcess',
      startEventId: 'Start_Check',
      boundaries: ['Boundary_Invalid'],
    });
    expect(model.elements.Task_Review.scopeId).toBe('Sub_Check');
    expect(model.elements.Boundary_Invalid).toMatchObject({
      kind: 'boundaryEvent:error',
      attachedTo: 'Sub_Check',
      cancelActivity: true,
      event: { kind: 'error', errorCode: 'DOSSIER_INVALID' },
    });
    expect(model.elements.Gateway_Valid).toMatchObject({
      defaultFlow: 'Flow_Valid',
      outgoing: ['Flow_Valid', 'Flow_Invalid'],
    });
    expect(model.flows.Flow_Invalid).toEqual({
      id: 'Flow_Invalid',
      sourceId: 'Gateway_Valid',
      targetId: 'End_Invalid',
      condition: 'valid = false',
    });
  });

  it('reads the procedure code and keeps the model plain JSON', async () => {
    // given / when
    const { processes } = await parseBpmn(fixtureXml('user-task.bpmn'));

    // then
    expect(processes[0].procedureCode).toBe('1.001234');
    expect(JSON.parse(JSON.stringify(processes[0]))).toEqual(processes[0]);
  });

  it('returns every participant’s process of a collaboration', async () => {
    // given
    const xml = `<bpmn:definitions ${BPMN} id="d">
      <bpmn:collaboration id="c">
        <bpmn:participant id="P1" processRef="citizen" />
        <bpmn:participant id="P2" processRef="office" />
        <bpmn:messageFlow id="mf" sourceRef="s1" targetRef="s2" />
      </bpmn:collaboration>
      <bpmn:process id="citizen" isExecutable="false"><bpmn:startEvent id="s1" /></bpmn:process>
      <bpmn:process id="office" isExecutable="true"><bpmn:startEvent id="s2" /></bpmn:process>
    </bpmn:definitions>`;

    // when
    const { processes, issues } = await parseBpmn(xml);

    // then
    expect(processes.map((process) => process.id)).toEqual(['citizen', 'office']);
    expect(issues).toEqual([
      expect.objectContaining({ elementId: 'citizen', code: 'PROCESS_NOT_EXECUTABLE', severity: 'warning' }),
    ]);
  });

  it('reports an unknown mc: attribute as an error and an unknown element by its id', async () => {
    // given
    const xml = `<bpmn:definitions ${BPMN} id="d">
      <bpmn:process id="p">
        <bpmn:startEvent id="s" />
        <bpmn:userTask id="t" mc:candidateGroup="head" />
        <bpmn:fancyTask id="ft" />
      </bpmn:process>
    </bpmn:definitions>`;

    // when
    const { issues } = await parseBpmn(xml);

    // then
    expect(issues).toContainEqual(
      expect.objectContaining({ elementId: 't', code: 'UNKNOWN_ATTRIBUTE', severity: 'error' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ elementId: 'ft', code: 'UNKNOWN_ELEMENT', severity: 'error' }),
    );
  });

  it('reports a duplicate id as an error naming it', async () => {
    // given
    const xml = `<bpmn:definitions ${BPMN} id="d">
      <bpmn:process id="p"><bpmn:startEvent id="s" /><bpmn:userTask id="s" /></bpmn:process>
    </bpmn:definitions>`;

    // when
    const { issues } = await parseBpmn(xml);

    // then
    expect(issues).toContainEqual(expect.objectContaining({ elementId: 's', code: 'DUPLICATE_ID', severity: 'error' }));
  });

  it('reports a document without any process', async () => {
    // given / when
    const { processes, issues } = await parseBpmn(`<bpmn:definitions ${BPMN} id="d" />`);

    // then
    expect(processes).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ elementId: 'd', code: 'NO_PROCESS', severity: 'error' })]);
  });

  it('reads camunda: and zeebe: extensions from the same document without losing elements', async () => {
    // given: both vocabularies define modelerTemplate, and camunda:candidateGroups shares its name with mc:
    const xml = fixtureXml('vendor-assignments.bpmn').replace(
      '<bpmn:userTask id="Task_Mc_First"',
      '<bpmn:userTask zeebe:modelerTemplate="t" camunda:modelerTemplate="t" id="Task_Mc_First"',
    );

    // when
    const { processes, issues } = await parseBpmn(xml);

    // then
    expect(issues).toEqual([]);
    expect(Object.keys(processes[0].elements)).toHaveLength(7);
    expect(processes[0].elements.Task_Mc_First.userTask?.candidateGroups).toEqual(['reception']);
  });
});
