import { EngineError } from '../engine.types';
import type { DiagramLimits } from '../limits/diagram-limits';

/*
 * Checks run on the raw text before moddle sees it (issue 15). moddle builds a tree at about
 * 0.2 ms an element here, so a 10,000-element document took seconds before any rule could
 * refuse it; this scan is one linear pass and stops at the first bound crossed.
 */

/** Local names of BPMN flow elements (any prefix): tasks, subprocesses, events, gateways, flows, data. */
const FLOW_ELEMENT =
  /^(?:[\w.-]*Task|task|subProcess|transaction|adHocSubProcess|callActivity|\w*Event|\w*Gateway|sequenceFlow|dataObject(?:Reference)?|dataStoreReference)$/;
const SCOPE = /^(?:subProcess|transaction|adHocSubProcess)$/;
/** Characters XML 1.0 forbids (§2.2), written literally; lone surrogates too. */
const FORBIDDEN_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CHARACTER_REFERENCE = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;
/** `&#` not followed by a well-formed reference (`&#;`, `&#x;`, `&#12a;`): XML refuses the document. */
const MALFORMED_REFERENCE = /&#(?!x[0-9a-fA-F]+;|[0-9]+;)/;

/**
 * Refuses, before parsing: any DOCTYPE (400 `BPMN_DOCTYPE_FORBIDDEN`: BPMN needs none, and it is
 * how XXE and entity expansion attacks begin), characters XML forbids, literal or as `&#…;`
 * (`BPMN_INVALID_CHARACTER`), more flow elements than allowed (`BPMN_TOO_MANY_ELEMENTS`), and
 * nesting beyond the bounds (`BPMN_TOO_DEEP`).
 */
export function guardBpmnDocument(xml: string, limits: DiagramLimits): void {
  if (/<!DOCTYPE/i.test(xml)) {
    throw new EngineError(
      'BPMN_DOCTYPE_FORBIDDEN',
      'The document declares a DOCTYPE; BPMN documents need none: remove the <!DOCTYPE …> declaration',
    );
  }
  checkCharacters(xml);
  checkShape(xml, limits);
}

function checkCharacters(xml: string): void {
  const literal = FORBIDDEN_CHARACTER.exec(xml);
  if (literal) throw invalidCharacter(literal.index, literal[0].codePointAt(0) ?? 0);
  const malformed = MALFORMED_REFERENCE.exec(xml);
  if (malformed)
    throw new EngineError(
      'BPMN_INVALID_CHARACTER',
      `The document holds a malformed character reference at offset ${malformed.index} (write &#NNN; or &#xHHH;): fix or remove it`,
    );
  for (const match of xml.matchAll(CHARACTER_REFERENCE)) {
    const codePoint = match[1] !== undefined ? parseInt(match[1], 16) : Number(match[2]);
    if (!isXmlChar(codePoint)) throw invalidCharacter(match.index ?? 0, codePoint);
  }
}

/** XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function isXmlChar(codePoint: number): boolean {
  if (codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd) return true;
  return (
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

function invalidCharacter(offset: number, codePoint: number): EngineError {
  const hex = Number.isFinite(codePoint) ? codePoint.toString(16).toUpperCase() : '?';
  return new EngineError(
    'BPMN_INVALID_CHARACTER',
    `The document holds character U+${hex} at offset ${offset}, which XML does not allow: remove it`,
  );
}

/** One pass over the tags: counts flow elements, measures nesting. Comments, CDATA and instructions are skipped. */
function checkShape(xml: string, limits: DiagramLimits): void {
  const scopes: boolean[] = [];
  let scopeDepth = 0;
  let flowElements = 0;
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', at + 1)) {
    const next = xml[at + 1];
    if (next === '!' || next === '?') {
      at = skipMarkup(xml, at);
      continue;
    }
    if (next === '/') {
      if (scopes.pop()) scopeDepth--;
      continue;
    }
    const end = tagEnd(xml, at);
    const name = /^[^\s/>]+/.exec(xml.slice(at + 1, Math.min(end, at + 200)))?.[0] ?? '';
    const localName = name.slice(name.indexOf(':') + 1);
    if (FLOW_ELEMENT.test(localName) && ++flowElements > limits.maxFlowElements) {
      throw new EngineError(
        'BPMN_TOO_MANY_ELEMENTS',
        `The document holds more than ${limits.maxFlowElements} flow elements: split it into called processes`,
      );
    }
    if (xml[end - 1] !== '/') {
      const scope = SCOPE.test(localName);
      scopes.push(scope);
      if (scopes.length > limits.maxXmlDepth)
        throw new EngineError('BPMN_TOO_DEEP', `XML elements are nested more than ${limits.maxXmlDepth} deep`);
      if (scope && ++scopeDepth > limits.maxSubProcessDepth) {
        throw new EngineError(
          'BPMN_TOO_DEEP',
          `Subprocesses are nested more than ${limits.maxSubProcessDepth} deep: flatten them or use call activities`,
        );
      }
    }
    at = end;
  }
}

/** Index of the `>` closing the tag opened at `at`, skipping quoted attribute values. */
function tagEnd(xml: string, at: number): number {
  let quote: string | null = null;
  for (let index = at + 1; index < xml.length; index++) {
    const char = xml[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index;
    }
  }
  return xml.length;
}

function skipMarkup(xml: string, at: number): number {
  const closer = xml.startsWith('<!--', at)
    ? '-->'
    : xml.startsWith('<![CDATA[', at)
      ? ']]>'
      : xml[at + 1] === '?'
        ? '?>'
        : '>';
  const end = xml.indexOf(closer, at);
  return end === -1 ? xml.length : end;
}
