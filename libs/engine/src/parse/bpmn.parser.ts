import type { ModdleElement } from 'bpmn-moddle';
import type { ValidationIssue } from '../engine.types';
import type { ProcessModel } from '../model/process-model.types';
import { DEFAULT_DIAGRAM_LIMITS, type DiagramLimits } from '../limits/diagram-limits';
import { validateModel } from '../validate/model.validator';
import { guardBpmnDocument } from './bpmn-document.guard';
import { readBpmnDocument } from './bpmn-document.reader';
import { parseWarningIssues } from './parse-warning.mapper';
import { compileProcess } from './process.compiler';

/** What a deployment gets from one BPMN document. */
export interface ParsedBpmn {
  processes: ProcessModel[];
  issues: ValidationIssue[];
}

/**
 * Parses BPMN 2.0 XML (deploy time only). Throws EngineError BPMN_MALFORMED for XML that does
 * not parse and BPMN_NOT_BPMN for well-formed XML that is not BPMN definitions. Returns one
 * ProcessModel per <process> — in a collaboration, every participant's — with the parse
 * warnings and validation issues of all of them. Documents beyond `limits` are refused before
 * parsing (bpmn-document.guard.ts).
 */
export async function parseBpmn(xml: string, limits: DiagramLimits = DEFAULT_DIAGRAM_LIMITS): Promise<ParsedBpmn> {
  guardBpmnDocument(xml, limits);
  const document = await readBpmnDocument(xml);
  const issues = parseWarningIssues(document.warnings, xml);
  const roots: ModdleElement[] = document.definitions.rootElements ?? [];
  // Global tasks (bpmn:GlobalUserTask…) a call activity may name instead of a process.
  const globalTasks = new Map(
    roots.filter((root) => root.$instanceOf('bpmn:GlobalTask')).map((root) => [root.id ?? '', root.$type] as const),
  );
  const processes = roots
    .filter((root) => root.$type === 'bpmn:Process')
    .map((process) => compileProcess(process, document.vendor, globalTasks));
  if (processes.length === 0) {
    issues.push({
      elementId: document.definitions.id ?? '',
      code: 'NO_PROCESS',
      severity: 'error',
      message: 'The document holds no <process>',
    });
  }
  for (const process of processes) issues.push(...validateModel(process, limits));
  return { processes, issues };
}
