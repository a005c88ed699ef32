import fc from 'fast-check';

/**
 * Mutations of a BPMN document as text (issue 9 item 4): attributes and elements deleted,
 * duplicated or renamed, values replaced (unicode, huge), truncation, entity tricks.
 */
export type BpmnMutation = (xml: string) => string;

const ATTRIBUTE = /\s([\w:.-]+)="([^"]*)"/g;
const START_TAG = /<([\w:.-]+)(\s[^<>]*?)?(\/?)>/g;

function occurrences(xml: string, pattern: RegExp): RegExpExecArray[] {
  return [...xml.matchAll(new RegExp(pattern.source, 'g'))];
}

function pick<T>(items: readonly T[], seed: number): T | undefined {
  return items.length ? items[seed % items.length] : undefined;
}

/** The element starting at a start tag: up to its self-close or the next closing tag of that name. */
function elementRange(xml: string, tag: RegExpExecArray): [number, number] {
  const start = tag.index;
  if (tag[3] === '/') return [start, start + tag[0].length];
  const close = xml.indexOf(`</${tag[1]}>`, start);
  return close < 0 ? [start, start + tag[0].length] : [start, close + tag[1].length + 3];
}

const hugeText = fc.integer({ min: 10_000, max: 400_000 }).map((n) => 'Thủ tục '.repeat(Math.ceil(n / 8)).slice(0, n));
const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '&amp;',
    '&lt;x&gt;',
    '${1+}',
    '=a+',
    'P2D',
    '-1d',
    '9999999999d',
    'PT',
    'receiving',
    'bogus-unit',
    '\u0000',
    '"',
    "'",
    '<',
    '&',
    ']]>',
    'null',
    '0',
    'true',
  ),
  hugeText,
);

export const bpmnMutation: fc.Arbitrary<BpmnMutation> = fc.oneof(
  fc.nat().map((seed): BpmnMutation => (xml) => {
    const match = pick(occurrences(xml, ATTRIBUTE), seed);
    return match ? xml.slice(0, match.index) + xml.slice(match.index + match[0].length) : xml;
  }),
  fc.nat().map((seed): BpmnMutation => (xml) => {
    const match = pick(occurrences(xml, ATTRIBUTE), seed);
    return match ? xml.slice(0, match.index) + match[0] + match[0] + xml.slice(match.index + match[0].length) : xml;
  }),
  fc.tuple(fc.nat(), fc.stringMatching(/^[a-zA-Z][\w:]{0,12}$/)).map(([seed, name]): BpmnMutation => (xml) => {
    const match = pick(occurrences(xml, ATTRIBUTE), seed);
    return match
      ? `${xml.slice(0, match.index)} ${name}="${match[2]}"${xml.slice(match.index + match[0].length)}`
      : xml;
  }),
  fc.tuple(fc.nat(), oddText).map(([seed, value]): BpmnMutation => (xml) => {
    const match = pick(occurrences(xml, ATTRIBUTE), seed);
    const escaped = value
      .replace(/&(?!amp;|lt;|gt;)/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/"/g, '&quot;');
    return match
      ? `${xml.slice(0, match.index)} ${match[1]}="${escaped}"${xml.slice(match.index + match[0].length)}`
      : xml;
  }),
  fc.nat().map((seed): BpmnMutation => (xml) => {
    const tag = pick(occurrences(xml, START_TAG).slice(1), seed);
    if (!tag) return xml;
    const [from, to] = elementRange(xml, tag);
    return xml.slice(0, from) + xml.slice(to);
  }),
  fc.nat().map((seed): BpmnMutation => (xml) => {
    const tag = pick(occurrences(xml, START_TAG).slice(1), seed);
    if (!tag) return xml;
    const [from, to] = elementRange(xml, tag);
    return xml.slice(0, to) + xml.slice(from, to) + xml.slice(to);
  }),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        'bpmn:task',
        'bpmn:userTask',
        'bpmn:serviceTask',
        'bpmn:scriptTask',
        'bpmn:subProcess',
        'bpmn:callActivity',
        'bpmn:boundaryEvent',
        'bpmn:parallelGateway',
        'bpmn:inclusiveGateway',
        'bpmn:eventBasedGateway',
        'bpmn:businessRuleTask',
        'bpmn:process',
        'bpmn:definitions',
        'foo:bar',
        'x',
      ),
    )
    .map(([seed, name]): BpmnMutation => (xml) => {
      const tag = pick(occurrences(xml, START_TAG), seed);
      if (!tag) return xml;
      const renamed = xml.slice(0, tag.index) + `<${name}` + xml.slice(tag.index + 1 + tag[1].length);
      return seed % 2 ? renamed.replace(`</${tag[1]}>`, `</${name}>`) : renamed;
    }),
  fc.nat().map(
    (seed): BpmnMutation =>
      (xml) =>
        xml.slice(0, seed % Math.max(1, xml.length)),
  ),
  fc.constantFrom<BpmnMutation>(
    (xml) =>
      xml
        .replace(
          /^(<\?xml[^>]*\?>)?/,
          '$1<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
        )
        .replace(/name="[^"]*"/, 'name="&d;"'),
    (xml) =>
      xml
        .replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
        .replace(/name="[^"]*"/, 'name="&x;"'),
    (xml) => xml.replace(/<bpmn:process /, '<bpmn:process xmlns:bpmn="urn:other" '),
    (xml) => xml.replace(/id="([^"]+)"/g, 'id="same"'),
    (xml) => xml.replace(/sourceRef="[^"]*"/g, 'sourceRef="nowhere"'),
    (xml) =>
      xml.replace(
        /<\/bpmn:process>/,
        '<bpmn:sequenceFlow id="loop" sourceRef="loop" targetRef="loop"/></bpmn:process>',
      ),
    (xml) => `${xml}${xml}`,
    (xml) => `\uFEFF${xml}`,
    (xml) => xml.replace(/<!\[CDATA\[|\]\]>/g, ''),
    (xml) => xml.replace(/"/g, "'"),
  ),
);

/** One to three mutations applied in turn. */
export const bpmnMutations = fc.array(bpmnMutation, { minLength: 1, maxLength: 3 });
