import { parseBpmn, validateModel, type ValidationIssue } from '../index';
import { fixtureXml } from '../__tests__/engine.harness';

async function issuesOf(fixture: string): Promise<ValidationIssue[]> {
  return (await parseBpmn(fixtureXml(fixture))).issues;
}

const codes = (issues: ValidationIssue[]) =>
  issues.map((issue) => `${issue.severity} ${issue.code} ${issue.elementId}`);

describe('validation', () => {
  it('refuses a step due the moment it starts: a duration of zero (issue 19 item 6)', async () => {
    // given steps with zero durations in each spelling, and a positive one
    const step = (id: string, duration: string) =>
      `<bpmn:userTask id="${id}" mc:candidateGroups="specialist" mc:duration="${duration}" />`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1" id="D" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    ${step('Zero_Days', '0d')}${step('Zero_Hours', 'PT0H')}${step('Zero_Mixed', '0d0h')}${step('Half_Day', '0,5d')}${step('Two_Days', '2d')}
  </bpmn:process>
</bpmn:definitions>`;
    // when it is validated
    const issues = (await parseBpmn(xml)).issues.filter((issue) => issue.code === 'DURATION_ZERO');
    // then each zero is an error naming its step, and the positive ones pass
    expect(issues.map((issue) => `${issue.severity} ${issue.elementId}`).sort()).toEqual([
      'error Zero_Days',
      'error Zero_Hours',
      'error Zero_Mixed',
    ]);
  });

  it('accepts the opinion and attachments a step form may require, and refuses other values (issue 16)', async () => {
    // given a step form per value of `opinion` / `attachments`
    const step = (id: string, form: object) =>
      `<bpmn:userTask id="${id}" mc:candidateGroups="specialist" mc:form="${JSON.stringify(form).replace(/"/g, '&quot;')}" />`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1" id="D" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    ${step('Ok_Required', { opinion: 'required', attachments: 'optional' })}
    ${step('Ok_Object', { opinion: { label: 'Ý kiến thẩm định', required: true }, outcomes: [{ key: 'x', requires: ['attachments'] }] })}
    ${step('Bad_Opinion', { opinion: 'yes' })}
    ${step('Bad_Attachments', { attachments: { required: 'true' } })}
  </bpmn:process>
</bpmn:definitions>`;
    // when
    const issues = (await parseBpmn(xml)).issues.filter((issue) => issue.code === 'FORM_INVALID');
    // then
    expect(codes(issues).sort()).toEqual(['error FORM_INVALID Bad_Attachments', 'error FORM_INVALID Bad_Opinion']);
  });

  it('refuses every unsupported element with its id and BPMN type', async () => {
    // given / when
    const issues = await issuesOf('unsupported.bpmn');

    // then
    const unsupported = issues.filter((issue) => issue.code === 'UNSUPPORTED_ELEMENT');
    expect(unsupported.map((issue) => issue.elementId).sort()).toEqual(
      ['Catch_Conditional', 'Gateway_Complex', 'Rule_Task', 'Throw_Compensation', 'Throw_Link'].sort(),
    );
    expect(unsupported.every((issue) => issue.severity === 'error')).toBe(true);
    expect(unsupported).toContainEqual(
      expect.objectContaining({ elementId: 'Gateway_Complex', message: 'bpmn:ComplexGateway is not supported yet' }),
    );
    expect(unsupported).toContainEqual(
      expect.objectContaining({
        elementId: 'Throw_Compensation',
        message: 'bpmn:IntermediateThrowEvent with bpmn:CompensateEventDefinition is not supported yet',
      }),
    );
    expect(unsupported).toContainEqual(
      expect.objectContaining({ elementId: 'Rule_Task', message: 'bpmn:BusinessRuleTask is not supported yet' }),
    );
  });

  it('refuses startQuantity / completionQuantity other than 1, and 0 as invalid, naming the activity (issue 21 #4)', async () => {
    // given activities with the default quantities, with 0 and with 2

    // when the diagram is validated
    const issues = (await issuesOf('activity-quantities.bpmn')).filter((issue) => issue.code.startsWith('QUANTITY'));

    // then each non-default quantity is an error naming its activity; the default passes
    expect(codes(issues)).toEqual([
      'error QUANTITY_INVALID Task_Start_Zero',
      'error QUANTITY_INVALID Task_Completion_Zero',
      'error QUANTITY_UNSUPPORTED Task_Start_Two',
      'error QUANTITY_UNSUPPORTED Task_Completion_Two',
    ]);
    expect(issues[0].message).toBe(
      'startQuantity of Task_Start_Zero must be a whole number of at least 1 (BPMN 2.0.2 §10.3.1)',
    );
  });

  it('refuses multi-instance behaviors that throw events (None, One, Complex, behavior events), naming the activity (issue 21 #5)', async () => {
    // given multi-instance tasks with each behavior

    // when the diagram is validated
    const issues = await issuesOf('multi-instance-behavior.bpmn');

    // then all but plain "All" are refused with a clear message
    expect(codes(issues.filter((issue) => issue.code === 'MULTI_INSTANCE_BEHAVIOR_UNSUPPORTED'))).toEqual([
      'error MULTI_INSTANCE_BEHAVIOR_UNSUPPORTED Task_None',
      'error MULTI_INSTANCE_BEHAVIOR_UNSUPPORTED Task_One',
      'error MULTI_INSTANCE_BEHAVIOR_UNSUPPORTED Task_Complex',
      'error MULTI_INSTANCE_BEHAVIOR_UNSUPPORTED Task_All_With_Event',
    ]);
    expect(issues.find((issue) => issue.elementId === 'Task_One')?.message).toContain('behavior "One"');
  });

  it('refuses a call to a global task with the call activity id, and never names an empty id (issue 21 #7)', async () => {
    // given call activities whose calledElement is a global user task and a global script task

    // when the diagram is validated
    const issues = await issuesOf('call-global-task.bpmn');

    // then each call is refused by its own id, and no issue has an empty id
    expect(codes(issues.filter((issue) => issue.code === 'CALL_GLOBAL_TASK_UNSUPPORTED'))).toEqual([
      'error CALL_GLOBAL_TASK_UNSUPPORTED Call_Review',
      'error CALL_GLOBAL_TASK_UNSUPPORTED Call_Compute',
    ]);
    expect(issues.find((issue) => issue.elementId === 'Call_Review')?.message).toBe(
      'Call activity Call_Review calls global task Global_Review (bpmn:GlobalUserTask): only processes can be called; draw the task in the process instead',
    );
    expect(issues.filter((issue) => issue.elementId === '')).toEqual([]);
  });

  it('refuses an event whose eventDefinitionRef names no definition (it would run as a none event)', async () => {
    // given an error end event referring to a definition the document does not hold
    const xml = fixtureXml('event-definition-ref.bpmn').replace(
      '<bpmn:eventDefinitionRef>Def_Error</bpmn:eventDefinitionRef>\n      </bpmn:endEvent>',
      '<bpmn:eventDefinitionRef>Def_Missing</bpmn:eventDefinitionRef>\n      </bpmn:endEvent>',
    );

    // when / then
    expect(codes((await parseBpmn(xml)).issues)).toContain('error EVENT_DEFINITION_UNRESOLVED End_Invalid');
  });

  it('reports bad FEEL, timers, messages, durations, forms, retries, dangling flows, typos', async () => {
    // given / when
    const issues = await issuesOf('invalid.bpmn');

    // then
    expect(codes(issues)).toEqual(
      expect.arrayContaining([
        'error FEEL_INVALID Flow_Feel',
        'error TIMER_UNDEFINED Timer_Empty',
        'error TIMER_INVALID Timer_Bad',
        'error MESSAGE_MISSING Catch_Nameless',
        'error DURATION_INVALID Task_Bad_Duration',
        'error FORM_INVALID Task_Bad_Duration',
        'error RETRIES_INVALID Service_Bad_Retries',
        'error FLOW_DANGLING Flow_Dangling',
        'error UNKNOWN_ATTRIBUTE Task_Typo',
        'warning NO_DEFAULT_FLOW Gateway_Split',
        'warning TASK_UNASSIGNED Task_Unassigned',
        'warning UNREACHABLE Task_Orphan',
      ]),
    );
    expect(codes(issues)).not.toContain('error FEEL_INVALID Flow_Ok');
  });

  it('requires a none start event', async () => {
    // given / when
    const issues = await issuesOf('no-start.bpmn');

    // then
    expect(codes(issues)).toContain('error NO_START_EVENT no-start');
  });

  it('accepts the e2e fixtures without issues', async () => {
    // given / when / then
    expect(await issuesOf('parallel-review.bpmn')).toEqual([]);
    expect(await issuesOf('four-steps.bpmn')).toEqual([]);
  });

  it('a default flow silences NO_DEFAULT_FLOW', async () => {
    // given / when
    const withDefault = await issuesOf('exclusive-gateway.bpmn');
    const withoutDefault = await issuesOf('exclusive-no-default.bpmn');

    // then
    expect(codes(withDefault)).not.toContain('warning NO_DEFAULT_FLOW Gateway_Split');
    expect(codes(withoutDefault)).toContain('warning NO_DEFAULT_FLOW Gateway_Split');
  });

  it('works on a model reloaded from JSON, as from the database', async () => {
    // given
    const { processes, issues } = await parseBpmn(fixtureXml('invalid.bpmn'));
    const reloaded = JSON.parse(JSON.stringify(processes[0]));

    // when
    const again = validateModel(reloaded);

    // then: all but the parse-time findings (unknown attributes, unresolved references)
    const modelIssues = issues.filter((issue) => !['UNKNOWN_ATTRIBUTE', 'REFERENCE_UNRESOLVED'].includes(issue.code));
    expect(again).toEqual(modelIssues);
  });

  it('refuses boundary events on non-activities and wrong event-gateway targets', () => {
    // given
    const element = (id: string, kind: string, type: string, extra = {}) => ({
      id,
      kind,
      type,
      scopeId: 'p',
      incoming: [],
      outgoing: [],
      ...extra,
    });
    const model = {
      id: 'p',
      isExecutable: true,
      startEventId: 's',
      elements: {
        s: element('s', 'startEvent:none', 'bpmn:StartEvent', { outgoing: ['f1'] }),
        g: element('g', 'eventBasedGateway', 'bpmn:EventBasedGateway', { incoming: ['f1'], outgoing: ['f2'] }),
        t: element('t', 'userTask', 'bpmn:UserTask', { incoming: ['f2'], userTask: { candidateGroups: ['head'] } }),
        b: element('b', 'boundaryEvent:message', 'bpmn:BoundaryEvent', {
          attachedTo: 'g',
          event: { kind: 'message', messageName: 'm' },
        }),
      },
      flows: { f1: { id: 'f1', sourceId: 's', targetId: 'g' }, f2: { id: 'f2', sourceId: 'g', targetId: 't' } },
    };

    // when
    const issues = validateModel(model);

    // then
    expect(codes(issues)).toEqual(
      expect.arrayContaining(['error BOUNDARY_HOST_INVALID b', 'error EVENT_GATEWAY_TARGET_INVALID t']),
    );
  });

  it('refuses a called element that is not a process key (a huge name reached the key index: 500)', async () => {
    // given the zeebe call activity fixture, its called process renamed
    const xml = fixtureXml('call-activity-zeebe.bpmn');
    const calling = (name: string) => xml.replace(/processId="[^"]*"/, `processId="${name}"`);

    // when / then
    for (const name of ['x'.repeat(201), 'Thủ tục', 'a b', '=childKey', '9lives']) {
      expect(codes((await parseBpmn(calling(name))).issues)).toContain('error CALLED_ELEMENT_INVALID Call_Zeebe');
    }
    expect(codes((await parseBpmn(calling('child-z.v2_x'))).issues).filter((code) => code.includes('CALLED'))).toEqual(
      [],
    );
  });
});
