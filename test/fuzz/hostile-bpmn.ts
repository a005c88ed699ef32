import fc from 'fast-check';

/**
 * Diagrams an administrator could deploy to hurt the server (issue 15 items 1 and 7): DOCTYPEs
 * (external entities, billion laughs), forbidden character references, FEEL that loops 10^10 times
 * or backtracks catastrophically in `matches()`, millisecond timer cycles, processes that call
 * themselves, multi-instance cardinality 10^8, 10,000 nested subprocesses. Each is deployed and,
 * where it deploys, started once: the harm of most only shows when an instance runs.
 */
export interface HostileDiagram {
  kind: string;
  /** The process key (the fuzzer's own, so nothing else runs it). */
  key: string;
  xml: string;
  /** Start an instance after a successful deploy (a timer start runs by itself). */
  start: boolean;
}

const DEFINITIONS =
  '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="urn:motcua:fuzz">';

/** A process whose start leads through `middle` (elements with id `M`) to an end event. */
function process(
  key: string,
  middle: string,
  options: { start?: string; extra?: string; prolog?: string; name?: string } = {},
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${options.prolog ?? ''}
${DEFINITIONS}
  <bpmn:process id="${key}" name="${options.name ?? 'Quy trình thử'}" isExecutable="true">
    <bpmn:startEvent id="S">${options.start ?? ''}</bpmn:startEvent>
    ${middle}
    <bpmn:endEvent id="E" />
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="M" />
    <bpmn:sequenceFlow id="F2" sourceRef="M" targetRef="E" />
  </bpmn:process>${options.extra ?? ''}
</bpmn:definitions>`;
}

const script = (expression: string) =>
  `<bpmn:scriptTask id="M" scriptFormat="feel" mc:resultVariable="r"><bpmn:script>${expression.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</bpmn:script></bpmn:scriptTask>`;
const wait = '<bpmn:userTask id="W" mc:candidateGroups="specialist" />';

/** Catastrophic patterns (nested quantifiers) against a subject that almost matches. */
const REGEXES = [
  '^(a+)+$',
  '^(a|aa)+$',
  '^(a|a?)+$',
  '(.*a){25}',
  '^(\\w+\\s?)*$',
  '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
];

const FORBIDDEN_REFS = [
  '&#0;',
  '&#x0;',
  '&#x00000;',
  '&#1;',
  '&#x1F;',
  '&#xFFFE;',
  '&#xFFFF;',
  '&#xD800;',
  '&#xDFFF;',
  '&#x110000;',
  '&#99999999;',
  '&#;',
  '&#x;',
];

const DOCTYPES = [
  '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:1/x">]>',
  '<!DOCTYPE d [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
  '<!DOCTYPE d SYSTEM "http://127.0.0.1:1/d.dtd">',
  '<!DOCTYPE bpmn:definitions>',
];

/** Billion laughs with `levels` levels of ten. */
function laughs(levels: number): string {
  const entities = [`<!ENTITY l0 "lol">`];
  for (let level = 1; level <= levels; level++) entities.push(`<!ENTITY l${level} "${`&l${level - 1};`.repeat(10)}">`);
  return `<!DOCTYPE d [${entities.join('')}]>`;
}

/** `depth` subprocesses each inside the last, a task at the bottom. */
function nestedSubprocesses(depth: number): string {
  let inner = '<bpmn:task id="T" />';
  for (let level = depth; level >= 1; level--)
    inner = `<bpmn:subProcess id="${level === 1 ? 'M' : `P${level}`}"><bpmn:startEvent id="S${level}" />${inner}</bpmn:subProcess>`;
  return inner;
}

const kinds = (key: string): fc.Arbitrary<HostileDiagram>[] => [
  fc.tuple(fc.constantFrom(...DOCTYPES), fc.boolean()).map(([doctype, use]) => ({
    kind: 'doctype',
    key,
    start: false,
    xml: process(key, '<bpmn:task id="M" />', { prolog: doctype, name: use ? '&x;' : 'Quy trình thử' }),
  })),
  fc.integer({ min: 1, max: 9 }).map((levels) => ({
    kind: 'billion laughs',
    key,
    start: false,
    xml: process(key, '<bpmn:task id="M" />', { prolog: laughs(levels), name: `&l${levels};` }),
  })),
  fc
    .tuple(fc.constantFrom(...FORBIDDEN_REFS), fc.constantFrom('name', 'script', 'documentation'))
    .map(([ref, where]) => ({
      kind: 'forbidden character reference',
      key,
      start: where === 'script',
      xml:
        where === 'name'
          ? process(key, '<bpmn:task id="M" />', { name: `Quy ${ref} trình` })
          : where === 'script'
            ? process(
                key,
                `<bpmn:scriptTask id="M" scriptFormat="feel" mc:resultVariable="r"><bpmn:script>="a${ref}b"</bpmn:script></bpmn:scriptTask>`,
              )
            : process(key, `<bpmn:task id="M"><bpmn:documentation>x${ref}y</bpmn:documentation></bpmn:task>`),
    })),
  fc
    .tuple(
      fc.constantFrom(10_000, 2_000_000, 10_000_000_000),
      fc.constantFrom(
        'for i in 1..N return i',
        'count(for i in 1..N return i)',
        'sum(for i in 1..N return i)',
        'for i in 1..N, j in 1..N return i',
        'some i in 1..N satisfies i < 0',
        'every i in 1..N satisfies i > 0',
      ),
    )
    .map(([n, template]) => ({
      kind: 'feel loop',
      key,
      start: true,
      xml: process(key, script(`=${template.replace(/N/g, String(n))}`)),
    })),
  fc.tuple(fc.constantFrom(...REGEXES), fc.integer({ min: 20, max: 5_000 })).map(([pattern, length]) => ({
    kind: 'feel regex',
    key,
    start: true,
    xml: process(key, script(`=matches("${'a'.repeat(length)}!", "${pattern.replace(/\\/g, '\\\\')}")`)),
  })),
  fc
    .constantFrom(
      'R/PT0.001S',
      'R/PT0S',
      'R/PT0.000001S',
      'R5/PT0.01S',
      'R/PT1S',
      'R/P0D',
      'R-1/PT1S',
      'R99999999999/PT0.001S',
    )
    .map((cycle) => ({
      kind: 'timer cycle',
      key,
      start: false,
      xml: process(key, '<bpmn:task id="M" />', {
        start: `<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition>`,
      }),
    })),
  fc.boolean().map((mutual) => ({
    kind: 'self-calling call activity',
    key,
    start: true,
    xml: mutual
      ? process(key, `<bpmn:callActivity id="M" calledElement="${key}_b" />`, {
          extra: `<bpmn:process id="${key}_b" isExecutable="true"><bpmn:startEvent id="S" /><bpmn:callActivity id="C" calledElement="${key}" /><bpmn:sequenceFlow id="F" sourceRef="S" targetRef="C" /></bpmn:process>`,
        })
      : process(key, `<bpmn:callActivity id="M" calledElement="${key}" />`),
  })),
  fc
    .tuple(
      fc.constantFrom('100000000', '1e8', '2147483648', '-1', '1.5', '"x"', 'null'),
      fc.constantFrom('userTask', 'task', 'scriptTask'),
      fc.boolean(),
    )
    .map(([cardinality, element, sequential]) => ({
      kind: 'multi-instance cardinality',
      key,
      start: true,
      xml: process(
        key,
        `<bpmn:${element} id="M" mc:candidateGroups="specialist"${element === 'scriptTask' ? ' scriptFormat="feel" mc:resultVariable="r"' : ''}><bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}"><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">=${cardinality}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>${element === 'scriptTask' ? '<bpmn:script>=1</bpmn:script>' : ''}</bpmn:${element}>`,
      ),
    })),
  fc
    .constantFrom(100, 1_000, 10_000)
    .map((depth) => ({ kind: 'nested subprocesses', key, start: true, xml: process(key, nestedSubprocesses(depth)) })),
];

/** The kinds above, each named once; `sample` draws more of every kind. */
export const HOSTILE_KINDS = [
  'doctype',
  'billion laughs',
  'forbidden character reference',
  'feel loop',
  'feel regex',
  'timer cycle',
  'self-calling call activity',
  'multi-instance cardinality',
  'nested subprocesses',
];

/** One hostile diagram of any kind (or of `kind`), its process key `key`. */
export function hostileDiagram(key: string, kind?: string): fc.Arbitrary<HostileDiagram> {
  const all = kinds(key);
  return kind === undefined ? fc.oneof(...all) : all[HOSTILE_KINDS.indexOf(kind)];
}

/** The same key deployed harmless: a new version that replaces a hostile timer start. */
export function harmless(key: string): string {
  return process(key, wait.replace('id="W"', 'id="M"'));
}
