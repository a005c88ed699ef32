import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from 'feelin';
import { Parser } from 'saxen';
import { DMN13_URI } from '../../libs/decisions/src';

/** An XML element, as far as the TCK's test files need one. */
interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export interface TckCase {
  /** `compliance-level-2/0004-simpletable-U/001 Approval Status` */
  id: string;
  dmnPath: string;
  inputs: Record<string, unknown>;
  decision: string;
  expected: unknown;
  /** The TCK expects the evaluation to fail (errorResult="true"). */
  expectsError: boolean;
}

/**
 * The TCK's models are DMN 1.5; dmn-moddle reads DMN 1.3. The decision-table subset selected here
 * means the same in both, so the model and DMNDI namespaces are rewritten to 1.3's (as the BPMN
 * benchmark was converted to this engine's conventions).
 */
export function asDmn13(xml: string): string {
  return xml
    .replace(/https?:\/\/www\.omg\.org\/spec\/DMN\/20(?:230324|211108|180521)\/MODEL\//g, DMN13_URI)
    .replace(
      /https?:\/\/www\.omg\.org\/spec\/DMN\/20(?:230324|211108)\/DMNDI\//g,
      'https://www.omg.org/spec/DMN/20191111/DMNDI/',
    )
    .replace(
      /https?:\/\/www\.omg\.org\/spec\/DMN\/20(?:230324|211108|180521)\/FEEL\//g,
      'https://www.omg.org/spec/DMN/20191111/FEEL/',
    );
}

function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const parser = new Parser();
  parser.on('openTag', (name, attrs, _decode, selfClosing) => {
    const node: XmlNode = { name: name.replace(/^.*:/, ''), attrs: attrs(), children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    if (!selfClosing) stack.push(node);
  });
  parser.on('closeTag', () => {
    stack.pop();
  });
  parser.on('text', (text, decode) => {
    stack[stack.length - 1].text += decode(text);
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.parse(xml);
  return root.children[0];
}

const child = (node: XmlNode, name: string) => node.children.find((candidate) => candidate.name === name);

/** A TCK value: `<value xsi:type=…>`, `<component name=…>`s, or `<list><item>…</item></list>`. */
function valueOf(holder: XmlNode): unknown {
  const list = child(holder, 'list');
  if (list) return list.children.filter((item) => item.name === 'item').map(valueOf);
  const components = holder.children.filter((node) => node.name === 'component');
  if (components.length > 0)
    return Object.fromEntries(components.map((component) => [component.attrs.name, valueOf(component)]));
  const value = child(holder, 'value');
  if (!value || value.attrs['xsi:nil'] === 'true') return null;
  const text = value.text;
  switch (value.attrs['xsi:type']) {
    case 'xsd:decimal':
    case 'xsd:double':
    case 'xsd:integer':
      return Number(text);
    case 'xsd:boolean':
      return text.trim() === 'true';
    case 'xsd:date':
      return evaluate(`date(${JSON.stringify(text.trim())})`).value;
    case 'xsd:time':
      return evaluate(`time(${JSON.stringify(text.trim())})`).value;
    case 'xsd:dateTime':
      return evaluate(`date and time(${JSON.stringify(text.trim())})`).value;
    case 'xsd:duration':
      return evaluate(`duration(${JSON.stringify(text.trim())})`).value;
    default:
      return text;
  }
}

/** Every test case of every selected TCK model under `root` (test/fixtures/dmn-tck). */
export function readTckCases(root: string): TckCase[] {
  const cases: TckCase[] = [];
  for (const level of readdirSync(root)
    .filter((name) => name.startsWith('compliance-level-'))
    .sort()) {
    for (const model of readdirSync(join(root, level)).sort()) {
      const dir = join(root, level, model);
      for (const file of readdirSync(dir)
        .filter((name) => name.endsWith('.xml'))
        .sort()) {
        const document = parseXml(readFileSync(join(dir, file), 'utf8'));
        const dmnPath = join(dir, child(document, 'modelName')!.text.trim());
        for (const testCase of document.children.filter((node) => node.name === 'testCase')) {
          const inputs = Object.fromEntries(
            testCase.children
              .filter((node) => node.name === 'inputNode')
              .map((node) => [node.attrs.name, valueOf(node)]),
          );
          for (const result of testCase.children.filter((node) => node.name === 'resultNode')) {
            cases.push({
              id: `${level}/${model}/${testCase.attrs.id} ${result.attrs.name}`,
              dmnPath,
              inputs,
              decision: result.attrs.name,
              expected: child(result, 'expected') ? valueOf(child(result, 'expected')!) : null,
              expectsError: result.attrs.errorResult === 'true',
            });
          }
        }
      }
    }
  }
  return cases;
}

/** TCK equality: numbers to 1e-9 relative, lists item by item, contexts key by key, temporals by FEEL `=`. */
export function tckEqual(actual: unknown, expected: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (typeof expected === 'number')
    return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => tckEqual(actual[index], item))
    );
  if (typeof expected === 'object' && Object.getPrototypeOf(expected) === Object.prototype) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const keys = Object.keys(expected as object);
    return (
      keys.length === Object.keys(actual).length &&
      keys.every((key) =>
        tckEqual((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]),
      )
    );
  }
  if (typeof expected === 'object') return evaluate('a = b', { a: actual, b: expected }).value === true;
  return actual === expected;
}
