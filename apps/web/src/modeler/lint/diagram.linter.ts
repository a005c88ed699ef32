import { Linter } from 'bpmnlint';
import type { ModdleElement } from '../moddle.types';
import { bpmnlintConfig } from './bpmnlint.config';
import type { DiagramIssue } from './issue.types';
import { bpmnlintMessage } from './lint-messages.vi';
import { mcIssues } from './mc.rules';

/** The browser's verdict on the diagram: bpmnlint's rules and the `mc:` checks. */
export async function lintDiagram(definitions: ModdleElement, unitCodes: ReadonlySet<string>): Promise<DiagramIssue[]> {
  // A fresh linter each time: bpmnlint caches rule instances, and some rules (no-duplicate-sequence-flows)
  // keep what they saw in their closure, so a reused linter reports every flow as a duplicate on the second run.
  const reports = await new Linter(bpmnlintConfig).lint(definitions);
  const issues: DiagramIssue[] = [];
  for (const [rule, ruleReports] of Object.entries(reports)) {
    for (const report of ruleReports) {
      if (report.category === 'rule-error') continue; // a crashed rule says nothing about the diagram
      issues.push({
        elementId: report.id ?? '',
        code: rule,
        message: bpmnlintMessage(rule, report.message),
        severity: report.category === 'error' ? 'error' : 'warning',
        source: 'modeler',
      });
    }
  }
  return [...issues, ...mcIssues(definitions, unitCodes)];
}
