import { InstanceDriver } from '../__tests__/engine.harness';
import { parseBpmn, type ValidationIssue } from '../index';

const BPMN =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** A head decides; a refusal goes through the desk's hand-back step to a refused end, else to a plain one. */
function decision(endAttributes: string, endDefinition = ''): string {
  return `<bpmn:definitions ${BPMN} id="D" targetNamespace="urn:t">
  <bpmn:process id="outcome" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:userTask id="Task_Head" mc:candidateGroups="head" />
    <bpmn:exclusiveGateway id="Gateway" default="Flow_Ok" />
    <bpmn:userTask id="Task_HandBack" mc:candidateGroups="reception" mc:status="rejected" />
    <bpmn:endEvent id="End_Refused" ${endAttributes}>${endDefinition}</bpmn:endEvent>
    <bpmn:endEvent id="End_Ok" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Head" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Head" targetRef="Gateway" />
    <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway" targetRef="Task_HandBack">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=outcome = "rejected"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_Ok" sourceRef="Gateway" targetRef="End_Ok" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_HandBack" targetRef="End_Refused" />
  </bpmn:process>
</bpmn:definitions>`;
}

const issuesOf = async (xml: string): Promise<ValidationIssue[]> => (await parseBpmn(xml)).issues;
const codes = (issues: ValidationIssue[]) =>
  issues.map((issue) => `${issue.severity} ${issue.code} ${issue.elementId}`);

describe('end event with mc:outcome', () => {
  it('closes with the outcome and the reason read from the variables, in the command that reaches it', async () => {
    // given a refusal decided by the head, waiting at the desk's hand-back step
    const instance = await InstanceDriver.startXml(decision('mc:outcome="rejected" mc:reason="rejectionReason"'));
    instance.completeTask('Task_Head', {
      outcome: 'rejected',
      rejectionReason: '  Tên hộ kinh doanh đã được đăng ký  ',
    });
    expect(instance.effects.filter((e) => e.type === 'outcome.reached')).toEqual([]);

    // when the desk hands it back (and overwrites nothing the reason reads)
    instance.completeTask('Task_HandBack', { note: 'Đã trả hồ sơ' });

    // then the outcome comes with the completion, before the instance completes
    const types = instance.last.map((e) => e.type);
    expect(instance.last).toContainEqual({
      type: 'outcome.reached',
      elementId: 'End_Refused',
      outcome: 'rejected',
      reason: 'Tên hộ kinh doanh đã được đăng ký',
    });
    expect(types.indexOf('outcome.reached')).toBeLessThan(types.indexOf('instance.completed'));
    expect(instance.status).toBe('completed');
    expect(instance.history('outcome.reached')).toEqual([
      {
        type: 'outcome.reached',
        elementId: 'End_Refused',
        data: { outcome: 'rejected', reason: 'Tên hộ kinh doanh đã được đăng ký' },
      },
    ]);
  });

  it('evaluates the reason as FEEL, and a missing variable is no reason rather than a stuck dossier', async () => {
    // given
    const expression = await InstanceDriver.startXml(
      decision('mc:outcome="withdrawn" mc:reason="=&quot;Rút theo đơn ngày &quot; + day"'),
    );
    const missing = await InstanceDriver.startXml(decision('mc:outcome="withdrawn" mc:reason="withdrawReason"'));

    // when
    for (const instance of [expression, missing]) {
      instance.completeTask('Task_Head', { outcome: 'rejected', day: '05/12' });
      instance.completeTask('Task_HandBack');
    }

    // then
    expect(expression.last).toContainEqual({
      type: 'outcome.reached',
      elementId: 'End_Refused',
      outcome: 'withdrawn',
      reason: 'Rút theo đơn ngày 05/12',
    });
    expect(missing.last).toContainEqual({
      type: 'outcome.reached',
      elementId: 'End_Refused',
      outcome: 'withdrawn',
      reason: null,
    });
    expect(missing.status).toBe('completed');
  });

  it('on a terminate end event also closes, and an end event without mc:outcome emits nothing', async () => {
    // given
    const terminate = await InstanceDriver.startXml(
      decision('mc:outcome="rejected" mc:reason="note"', '<bpmn:terminateEventDefinition />'),
    );
    const plain = await InstanceDriver.startXml(decision('mc:outcome="rejected" mc:reason="note"'));

    // when
    terminate
      .completeTask('Task_Head', { outcome: 'rejected', note: 'Không đủ điều kiện' })
      .completeTask('Task_HandBack');
    plain.completeTask('Task_Head', { outcome: 'approved' });

    // then
    expect(terminate.last).toContainEqual({
      type: 'outcome.reached',
      elementId: 'End_Refused',
      outcome: 'rejected',
      reason: 'Không đủ điều kiện',
    });
    expect(plain.status).toBe('completed');
    expect(plain.effects.some((e) => e.type === 'outcome.reached')).toBe(false);
  });
});

describe('validation of mc:outcome', () => {
  it('deploys a refusal with its reason, and warns when a step shows a refusal that no end event closes', async () => {
    // given / when
    const good = await issuesOf(decision('mc:outcome="rejected" mc:reason="rejectionReason"'));
    const unclosed = await issuesOf(decision(''));

    // then
    expect(good.filter((i) => i.severity === 'error')).toEqual([]);
    expect(codes(good)).not.toContain('warning STATUS_WITHOUT_OUTCOME Task_HandBack');
    expect(unclosed).toContainEqual({
      elementId: 'Task_HandBack',
      code: 'STATUS_WITHOUT_OUTCOME',
      severity: 'warning',
      message: expect.stringContaining('hồ sơ sẽ không bao giờ được đóng'),
    });
  });

  it('refuses an unknown outcome, a refusal without a reason, bad FEEL, and an outcome where it cannot close the dossier', async () => {
    // given / when
    const unknown = await issuesOf(decision('mc:outcome="approved"'));
    const noReason = await issuesOf(decision('mc:outcome="rejected"'));
    const badFeel = await issuesOf(decision('mc:outcome="rejected" mc:reason="= (("'));
    const errorEnd = await issuesOf(
      decision('mc:outcome="rejected" mc:reason="note"', '<bpmn:errorEventDefinition />'),
    );
    const inSub =
      await issuesOf(`<bpmn:definitions ${BPMN} id="D" targetNamespace="urn:t"><bpmn:process id="p" isExecutable="true">
      <bpmn:startEvent id="S" /><bpmn:subProcess id="Sub"><bpmn:startEvent id="SS" /><bpmn:endEvent id="SE" mc:outcome="returned" />
      <bpmn:sequenceFlow id="f0" sourceRef="SS" targetRef="SE" /></bpmn:subProcess><bpmn:endEvent id="E" />
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Sub" /><bpmn:sequenceFlow id="f2" sourceRef="Sub" targetRef="E" /></bpmn:process></bpmn:definitions>`);

    // then
    expect(unknown).toContainEqual({
      elementId: 'End_Refused',
      code: 'OUTCOME_UNKNOWN',
      severity: 'error',
      message:
        'Kết quả hồ sơ "approved" không hợp lệ: chọn một trong returned (Đã trả kết quả), rejected (Từ chối giải quyết), withdrawn (Đã rút hồ sơ)',
    });
    expect(noReason).toContainEqual(
      expect.objectContaining({
        elementId: 'End_Refused',
        code: 'OUTCOME_REASON_MISSING',
        severity: 'error',
        message: expect.stringMatching(/^Từ chối giải quyết phải có lý do/),
      }),
    );
    expect(codes(badFeel)).toContain('error OUTCOME_REASON_INVALID End_Refused');
    expect(codes(errorEnd)).toContain('error OUTCOME_END_KIND End_Refused');
    expect(codes(inSub)).toContain('error OUTCOME_IN_SUBPROCESS SE');
  });
});
