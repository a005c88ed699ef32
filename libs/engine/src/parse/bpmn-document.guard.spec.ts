import { DEFAULT_DIAGRAM_LIMITS, diagramLimits } from '../limits/diagram-limits';
import { guardBpmnDocument } from './bpmn-document.guard';

const codeOf = (xml: string, limits = DEFAULT_DIAGRAM_LIMITS): string => {
  try {
    guardBpmnDocument(xml, limits);
    return 'accepted';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

/** Feature: the raw document is checked before it is parsed (issue 15). */
describe('BPMN document guard', () => {
  it('reads tags whose attribute values hold ">" and skips comments, CDATA and instructions', () => {
    // given two nested subprocesses, one with ">" in an attribute and a script in CDATA holding tags
    const xml = `<?xml version="1.0"?><d><!-- <subProcess> <subProcess> --><subProcess name="a > b"><subProcess/>
      <script><![CDATA[ <subProcess><subProcess> ]]></script></subProcess></d>`;
    // when / then: one level only counts (the self-closed one opens no scope)
    expect(codeOf(xml, diagramLimits({ maxSubProcessDepth: 1 }))).toBe('accepted');
    expect(
      codeOf(xml.replace('<subProcess/>', '<subProcess></subProcess>'), diagramLimits({ maxSubProcessDepth: 1 })),
    ).toBe('BPMN_TOO_DEEP');
  });

  it('counts flow elements of any prefix, and not their definitions', () => {
    // given three flow elements and two definitions
    const xml = '<d><bpmn2:userTask/><task/><x:sequenceFlow/><timerEventDefinition/><bpmndi:BPMNShape/></d>';
    // when / then
    expect(codeOf(xml, diagramLimits({ maxFlowElements: 3 }))).toBe('accepted');
    expect(codeOf(xml, diagramLimits({ maxFlowElements: 2 }))).toBe('BPMN_TOO_MANY_ELEMENTS');
  });

  it('refuses a DOCTYPE in any case and a lone surrogate', () => {
    expect(codeOf('<!doctype d><d/>')).toBe('BPMN_DOCTYPE_FORBIDDEN');
    expect(codeOf('<d name="\uD800"/>')).toBe('BPMN_INVALID_CHARACTER');
    expect(codeOf('<d name="😀 &#x1F600;"/>')).toBe('accepted');
  });

  it('refuses malformed character references, which XML parsers disagree on (found by fuzzing)', () => {
    // given references with no digits or with junk before the semicolon
    for (const ref of ['&#;', '&#x;', '&#12a;', '&#xZ;', '&#'])
      // when / then
      expect(codeOf(`<d name="a ${ref} b"/>`)).toBe('BPMN_INVALID_CHARACTER');
    expect(codeOf('<d name="&#65; &#x41; &amp;#;"/>')).toBe('accepted');
  });
});
