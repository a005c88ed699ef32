import { DmnModdle, type DmnElement, type DmnModdleInstance } from 'dmn-moddle';
import { evaluateWithinBudget, feelSyntaxErrorWithNames, unaryTestsSyntaxError } from '../../engine/src';
import {
  DecisionError,
  HIT_POLICIES,
  type Aggregation,
  type DecisionModel,
  type DecisionsModel,
  type DecisionTableModel,
  type HitPolicy,
  type LiteralExpressionModel,
  type TableOutput,
} from './decision.types';

/** The DMN 1.3 model namespace, the only one dmn-moddle 12 reads. */
export const DMN13_URI = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
/** Largest DMN document accepted (a 50-rule, 2-input table is about 10 kB; 1 MB parses in about 2.5 s on a loaded 2-core machine). */
export const MAX_DMN_LENGTH = 1_000_000;
/** Most decisions, and most input data, in one document (real requirement graphs hold a few dozen; each name with a space is in scope of every cell's syntax check). */
export const MAX_DECISIONS = 200;
const FEEL_LANGUAGES = new Set([
  'https://www.omg.org/spec/DMN/20191111/FEEL/',
  'http://www.omg.org/spec/FEEL/20140401',
  'https://www.omg.org/spec/DMN/20230324/FEEL/',
]);
const AGGREGATIONS = new Set<Aggregation>(['SUM', 'MIN', 'MAX', 'COUNT']);
/**
 * Root elements that carry no evaluation and are kept as documentation: knowledge sources (and the
 * authority requirements that name them), item definitions (typeRef is not enforced: see README),
 * text annotations and associations, groups, and the diagram.
 */
const DOCUMENTATION = new Set(['dmn:KnowledgeSource', 'dmn:TextAnnotation', 'dmn:Association', 'dmn:Group']);

let moddle: DmnModdleInstance | undefined;

/**
 * Parses a DMN 1.3 document into a DecisionsModel (deploy time only). Refuses, with a
 * DecisionError naming the element: XML that does not parse or is not DMN 1.3 (DMN_MALFORMED),
 * any element the evaluator does not run (DMN_UNSUPPORTED_ELEMENT: business knowledge models,
 * decision services, boxed contexts, invocations, relations, lists, functions, another expression
 * language), a table whose rules do not fit its columns (DMN_INVALID_DECISION), a FEEL syntax
 * error (DMN_FEEL_SYNTAX), a requirement to an element that is not there (DMN_REQUIREMENT_MISSING)
 * and a cycle of requirements (DMN_REQUIREMENT_CYCLE). Nothing is ignored silently.
 */
export async function parseDmn(xml: string): Promise<DecisionsModel> {
  if (xml.length > MAX_DMN_LENGTH)
    throw new DecisionError(
      'DMN_MALFORMED',
      `The DMN document is ${xml.length} characters long; at most ${MAX_DMN_LENGTH}`,
    );
  moddle ??= DmnModdle();
  const parsed = await moddle.fromXML(xml).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    throw new DecisionError(
      'DMN_MALFORMED',
      message.startsWith('failed to parse document as')
        ? `The document is not DMN 1.3 <definitions> (namespace ${DMN13_URI})`
        : `The DMN document does not parse: ${message.split('\n')[0]}`,
    );
  });
  const definitions = parsed.rootElement;
  if (definitions?.$type !== 'dmn:Definitions')
    throw new DecisionError('DMN_MALFORMED', `The document is not DMN 1.3 <definitions> (namespace ${DMN13_URI})`);
  const warning = parsed.warnings[0];
  if (warning) {
    throw new DecisionError(
      'DMN_UNSUPPORTED_ELEMENT',
      `The DMN document holds what DMN 1.3 does not define: ${warning.message.split('\n')[0]}`,
      warning.element?.id,
    );
  }
  return compileDefinitions(definitions);
}

function compileDefinitions(definitions: DmnElement): DecisionsModel {
  checkLanguage(definitions, definitions.id ?? '');
  const imported = (definitions.import ?? [])[0] as DmnElement | undefined;
  if (imported)
    throw unsupported(
      imported,
      `imports ${imported.locationURI ?? imported.namespace ?? 'another model'}: each DMN document must stand alone`,
      definitions.id,
    );
  const elements: DmnElement[] = definitions.drgElement ?? [];
  for (const element of [...elements, ...(definitions.artifact ?? [])]) {
    if (element.$type === 'dmn:Decision' || element.$type === 'dmn:InputData' || DOCUMENTATION.has(element.$type))
      continue;
    throw unsupported(
      element,
      'is not evaluated by this engine (only decisions, input data and knowledge sources are)',
    );
  }
  const inputData = elements
    .filter((element) => element.$type === 'dmn:InputData')
    .map((element) => ({ id: idOf(element), name: nameOf(element) }));
  const decisionElements = elements.filter((element) => element.$type === 'dmn:Decision');
  if (decisionElements.length === 0)
    throw new DecisionError('DMN_INVALID_DECISION', 'The DMN document holds no <decision>', definitions.id);
  if (decisionElements.length > MAX_DECISIONS)
    throw new DecisionError(
      'DMN_INVALID_DECISION',
      `The DMN document holds ${decisionElements.length} decisions; at most ${MAX_DECISIONS}`,
      definitions.id,
    );
  if (inputData.length > MAX_DECISIONS)
    throw new DecisionError(
      'DMN_INVALID_DECISION',
      `The DMN document holds ${inputData.length} input data; at most ${MAX_DECISIONS}`,
      definitions.id,
    );
  const names = [...inputData.map((input) => input.name), ...decisionElements.map(nameOf)];
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name))
      throw new DecisionError(
        'DMN_INVALID_DECISION',
        `Two elements of the DMN document are named '${name}'`,
        definitions.id,
      );
    seen.add(name);
  }
  // Only names with a space change a FEEL parse (`Applicant age`); one-word names need not be in scope.
  const spaced = names.filter((name) => /\s/.test(name));
  const decisions = decisionElements.map((element) =>
    compileDecision(element, new Set(decisionElements.map(idOf)), inputData, spaced),
  );
  return {
    id: definitions.id ?? '',
    name: definitions.name ?? '',
    namespace: definitions.namespace ?? '',
    decisions: inRequirementOrder(decisions),
    inputData,
  };
}

function compileDecision(
  element: DmnElement,
  decisionIds: Set<string>,
  inputData: Array<{ id: string; name: string }>,
  names: string[],
): DecisionModel {
  const id = idOf(element);
  if ((element.knowledgeRequirement ?? []).length > 0)
    throw unsupported(element, 'requires a business knowledge model, which this engine does not evaluate');
  const requiredDecisions: string[] = [];
  const requiredInputs: string[] = [];
  for (const requirement of element.informationRequirement ?? []) {
    const decisionRef = hrefId(requirement.requiredDecision);
    const inputRef = hrefId(requirement.requiredInput);
    if (decisionRef !== undefined) {
      if (!decisionIds.has(decisionRef))
        throw new DecisionError(
          'DMN_REQUIREMENT_MISSING',
          `Decision '${id}' requires decision '${decisionRef}', which the document does not hold`,
          id,
        );
      requiredDecisions.push(decisionRef);
    } else if (inputRef !== undefined) {
      const input = inputData.find((candidate) => candidate.id === inputRef);
      if (!input)
        throw new DecisionError(
          'DMN_REQUIREMENT_MISSING',
          `Decision '${id}' requires input data '${inputRef}', which the document does not hold`,
          id,
        );
      requiredInputs.push(input.name);
    } else {
      throw new DecisionError(
        'DMN_REQUIREMENT_MISSING',
        `An information requirement of decision '${id}' names nothing`,
        requirement.id ?? id,
      );
    }
  }
  const logic = element.decisionLogic as DmnElement | undefined;
  if (!logic) throw new DecisionError('DMN_INVALID_DECISION', `Decision '${id}' has no decision logic`, id);
  const compiled =
    logic.$type === 'dmn:DecisionTable'
      ? compileTable(logic, id, names)
      : logic.$type === 'dmn:LiteralExpression'
        ? compileLiteral(logic, id, names)
        : undefined;
  if (!compiled)
    throw unsupported(
      logic,
      `(the logic of decision '${id}') is not evaluated: only decision tables and literal expressions are`,
      id,
    );
  return { id, name: nameOf(element), requiredDecisions, requiredInputs, logic: compiled };
}

function compileLiteral(logic: DmnElement, decisionId: string, names: string[]): LiteralExpressionModel {
  const id = logic.id ?? decisionId;
  checkLanguage(logic, id);
  const expression = (logic.text ?? '').trim();
  if (expression === '')
    throw new DecisionError('DMN_INVALID_DECISION', `The literal expression of decision '${decisionId}' is empty`, id);
  checkSyntax(expression, id, names);
  return { kind: 'literalExpression', id, expression };
}

function compileTable(table: DmnElement, decisionId: string, names: string[]): DecisionTableModel {
  const id = table.id ?? decisionId;
  const hitPolicy = (table.hitPolicy ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy))
    throw new DecisionError(
      'DMN_INVALID_DECISION',
      `Decision table '${id}' has an unknown hit policy '${hitPolicy}'`,
      id,
    );
  const aggregation = table.aggregation as Aggregation | undefined;
  if (aggregation !== undefined && (hitPolicy !== 'COLLECT' || !AGGREGATIONS.has(aggregation)))
    throw new DecisionError(
      'DMN_INVALID_DECISION',
      `Decision table '${id}' aggregates with '${aggregation}' under hit policy ${hitPolicy}`,
      id,
    );
  const inputs = (table.input ?? []).map((input: DmnElement, index: number) => {
    const inputId = input.id ?? `${id}/input ${index + 1}`;
    const expression = (input.inputExpression?.text ?? '').trim();
    if (expression === '')
      throw new DecisionError(
        'DMN_INVALID_DECISION',
        `Input '${inputId}' of table '${id}' has no input expression`,
        inputId,
      );
    if (input.inputExpression) checkLanguage(input.inputExpression, inputId);
    checkSyntax(expression, inputId, names);
    return { id: inputId, label: input.label ?? '', expression };
  });
  const outputElements: DmnElement[] = table.output ?? [];
  if (outputElements.length === 0)
    throw new DecisionError('DMN_INVALID_DECISION', `Decision table '${id}' has no output`, id);
  if (aggregation !== undefined && outputElements.length > 1)
    throw new DecisionError(
      'DMN_INVALID_DECISION',
      `Decision table '${id}' aggregates (${aggregation}) over ${outputElements.length} outputs; DMN allows one`,
      id,
    );
  const outputs = outputElements.map((output, index): TableOutput => {
    const outputId = output.id ?? `${id}/output ${index + 1}`;
    const name = output.name ?? '';
    if (outputElements.length > 1 && name === '')
      throw new DecisionError(
        'DMN_INVALID_DECISION',
        `Output '${outputId}' of table '${id}' needs a name: the table has several outputs`,
        outputId,
      );
    const defaultExpression = (output.defaultOutputEntry?.text ?? '').trim() || undefined;
    if (defaultExpression) checkSyntax(defaultExpression, output.defaultOutputEntry.id ?? outputId, names);
    return { id: outputId, name, priorities: outputValues(output, outputId), defaultExpression };
  });
  if (
    (hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') &&
    outputs.every((output) => output.priorities.length === 0)
  )
    throw new DecisionError(
      'DMN_INVALID_DECISION',
      `Decision table '${id}' (${hitPolicy}) lists no output values to order its outputs by`,
      id,
    );
  const rules = (table.rule ?? []).map((rule: DmnElement, index: number) => {
    const ruleId = rule.id ?? `${id}/rule ${index + 1}`;
    const inputEntries: DmnElement[] = rule.inputEntry ?? [];
    const outputEntries: DmnElement[] = rule.outputEntry ?? [];
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length)
      throw new DecisionError(
        'DMN_INVALID_DECISION',
        `Rule '${ruleId}' has ${inputEntries.length} input and ${outputEntries.length} output entries; table '${id}' has ${inputs.length} inputs and ${outputs.length} outputs`,
        ruleId,
      );
    return {
      id: ruleId,
      inputEntries: inputEntries.map((entry) => {
        checkLanguage(entry, entry.id ?? ruleId);
        const text = (entry.text ?? '').trim();
        if (text !== '' && text !== '-') {
          const error = unaryTestsSyntaxError(text, namesIn(text, names));
          if (error)
            throw new DecisionError(
              'DMN_FEEL_SYNTAX',
              `${error} (input entry '${entry.id ?? ruleId}')`,
              entry.id ?? ruleId,
            );
        }
        return text;
      }),
      outputEntries: outputEntries.map((entry) => {
        checkLanguage(entry, entry.id ?? ruleId);
        const text = (entry.text ?? '').trim();
        if (text !== '') checkSyntax(text, entry.id ?? ruleId, names);
        return text;
      }),
    };
  });
  return { kind: 'decisionTable', id, hitPolicy, aggregation, inputs, outputs, rules };
}

/** An output's listed values (`"Approved", "Declined"`), read as a FEEL list at deploy. */
function outputValues(output: DmnElement, outputId: string): unknown[] {
  const text = (output.outputValues?.text ?? '').trim();
  if (text === '') return [];
  try {
    const value = evaluateWithinBudget(`[${text}]`, {});
    if (Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw new DecisionError(
    'DMN_INVALID_DECISION',
    `The output values of '${outputId}' are not a list of constants: ${text}`,
    outputId,
  );
}

function checkSyntax(expression: string, elementId: string, names: string[]): void {
  const error = feelSyntaxErrorWithNames(expression, namesIn(expression, names));
  if (error) throw new DecisionError('DMN_FEEL_SYNTAX', `${error} ('${elementId}')`, elementId);
}

/**
 * The spaced names a cell's text mentions: the only ones its parse needs. Parsing with every name of
 * the document in scope cost 6.5 µs per name per cell (37 s for a 2 MB table and 200 names).
 */
function namesIn(text: string, names: string[]): string[] {
  return names.filter((name) => text.includes(name));
}

function checkLanguage(element: DmnElement, elementId: string): void {
  const language = element.expressionLanguage as string | undefined;
  if (language !== undefined && !FEEL_LANGUAGES.has(language) && language.toLowerCase() !== 'feel')
    throw new DecisionError(
      'DMN_UNSUPPORTED_ELEMENT',
      `'${elementId}' is written in ${language}; only FEEL is evaluated`,
      elementId,
    );
}

/** The decisions ordered so each comes after those it requires; a cycle is refused with its path. */
function inRequirementOrder(decisions: DecisionModel[]): DecisionModel[] {
  const byId = new Map(decisions.map((decision) => [decision.id, decision]));
  const ordered: DecisionModel[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (decision: DecisionModel, path: string[]) => {
    const seen = state.get(decision.id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(decision.id)), decision.id];
      throw new DecisionError(
        'DMN_REQUIREMENT_CYCLE',
        `The decisions require each other in a cycle: ${cycle.join(' → ')}`,
        decision.id,
      );
    }
    state.set(decision.id, 'visiting');
    for (const required of decision.requiredDecisions) visit(byId.get(required)!, [...path, decision.id]);
    state.set(decision.id, 'done');
    ordered.push(decision);
  };
  for (const decision of decisions) visit(decision, []);
  return ordered;
}

function unsupported(element: DmnElement, why: string, fallbackId?: string): DecisionError {
  const id = element.id ?? fallbackId ?? '';
  return new DecisionError('DMN_UNSUPPORTED_ELEMENT', `<${element.$type.replace(/^dmn:/, '')}> '${id}' ${why}`, id);
}

function hrefId(reference: DmnElement | undefined): string | undefined {
  const href = reference?.href as string | undefined;
  if (href === undefined) return undefined;
  return href.slice(href.lastIndexOf('#') + 1);
}

function idOf(element: DmnElement): string {
  return element.id ?? '';
}

function nameOf(element: DmnElement): string {
  return (element.name ?? element.variable?.name ?? element.id ?? '').trim();
}
