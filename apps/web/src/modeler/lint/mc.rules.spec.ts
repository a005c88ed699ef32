import { describe, expect, it } from '@jest/globals';
import { BpmnModdle } from 'bpmn-moddle';
import { mcModdle } from '../mc-vocabulary';
import type { ModdleElement } from '../moddle.types';
import { flowElementsOf, outcomeIssues } from './mc.rules';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1"';

async function issuesOf(body: string) {
  const moddle = new BpmnModdle({ mc: mcModdle });
  const { rootElement } = await moddle.fromXML(
    `<bpmn:definitions ${NS} id="D" targetNamespace="urn:t"><bpmn:process id="p">${body}</bpmn:process></bpmn:definitions>`,
  );
  return outcomeIssues(flowElementsOf(rootElement as unknown as ModdleElement)).map(
    (i) => `${i.severity} ${i.code} ${i.elementId}`,
  );
}

describe('the modeler\'s checks of "Kết thúc hồ sơ" (the engine\'s outcome rule, while drawing)', () => {
  it('accepts a refusal with its reason, and a plain end', async () => {
    expect(
      await issuesOf(
        '<bpmn:userTask id="T" mc:status="rejected" /><bpmn:endEvent id="E" mc:outcome="rejected" mc:reason="rejectionReason" /><bpmn:endEvent id="P" />',
      ),
    ).toEqual([]);
  });

  it('names an unknown outcome, a refusal without reason, an outcome in a subprocess or on an error end, and a refusal shown but never closed', async () => {
    expect(
      await issuesOf('<bpmn:endEvent id="U" mc:outcome="approved" /><bpmn:endEvent id="R" mc:outcome="rejected" />'),
    ).toEqual(['error OUTCOME_UNKNOWN U', 'error OUTCOME_REASON_MISSING R']);
    expect(
      await issuesOf(
        '<bpmn:subProcess id="S"><bpmn:endEvent id="SE" mc:outcome="withdrawn" /></bpmn:subProcess><bpmn:endEvent id="X" mc:outcome="withdrawn"><bpmn:errorEventDefinition /></bpmn:endEvent>',
      ),
    ).toEqual(['error OUTCOME_IN_SUBPROCESS SE', 'error OUTCOME_END_KIND X']);
    expect(await issuesOf('<bpmn:userTask id="T" mc:status="rejected" /><bpmn:endEvent id="E" />')).toEqual([
      'warning STATUS_WITHOUT_OUTCOME T',
    ]);
  });
});
