import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { longestPath, type BudgetGraph } from '../../../../apps/web/src/modeler/time-budget/longest-path';
import { parseCatalog, processesFolder } from './procedure-catalog.loader';

/** Working hours of a step duration as drawn (`4h`, `2d`; one working day = 8 hours). */
const hoursOf = (duration: string) => Number(duration.slice(0, -1)) * (duration.endsWith('d') ? 8 : 1);

const userTasks = (xml: string) => [
  ...xml.matchAll(/<bpmn:userTask id="(\w+)"[^>]*mc:duration="(\d+[hd])" mc:status="(\w+)"/g),
];

/** The diagram as the modeler's time budget sees it: user tasks weigh their duration, refusal steps nothing. */
function budgetGraph(xml: string): BudgetGraph {
  const edges = [...xml.matchAll(/<bpmn:sequenceFlow [^>]*sourceRef="(\w+)" targetRef="(\w+)"/g)].map(
    (m) => [m[1], m[2]] as [string, string],
  );
  const weights = new Map(userTasks(xml).map((m) => [m[1], m[3] === 'rejected' ? 0 : hoursOf(m[2])]));
  const ids = new Set(edges.flat());
  return { nodes: [...ids].map((id) => ({ id, hours: weights.get(id) ?? 0 })), edges };
}

/** The `mc:status` of the last user task on a path (the path goes on to an end event). */
function lastStatus(xml: string, path: string[]): string | undefined {
  const statuses = new Map(userTasks(xml).map((m) => [m[1], m[3]]));
  return [...path]
    .reverse()
    .map((id) => statuses.get(id))
    .find(Boolean);
}

describe('processes/catalog.json', () => {
  const folder = processesFolder();
  const catalog = parseCatalog(readFileSync(join(folder, 'catalog.json'), 'utf8'));

  it('ships the five procedures of docs/domain.md', () => {
    expect(catalog.map((p) => p.code).sort()).toEqual(['1.001193', '1.001612', '1.004227', '1.009974', '2.000815']);
  });

  it.each(catalog.map((p) => [p.code, p] as const))(
    '%s: a diagram implements it, its forms exist, its steps add up to the legal time',
    (_code, procedure) => {
      // given the diagram deployed under the catalog's process key
      const xml = readFileSync(join(folder, `${procedure.processKey}.bpmn`), 'utf8');
      // then it declares the same procedure code and the message the return action sends
      expect(xml).toContain(`<bpmn:process id="${procedure.processKey}"`);
      expect(xml).toContain(`mc:procedureCode="${procedure.code}"`);
      expect(xml).toContain('name="result_returned"');
      for (const form of procedure.formTemplates) expect(existsSync(join(folder, 'forms', form.file))).toBe(true);
      // and the heaviest path through the steps (the refusal path and rework loops aside) takes the legal time, a same-day procedure one working day
      const legalHours = procedure.legalTime.sameDay
        ? 8
        : (procedure.legalTime.days ?? 0) * 8 + (procedure.legalTime.hours ?? 0);
      const budget = longestPath(budgetGraph(xml));
      expect(budget.hours).toBe(legalHours);
      expect(lastStatus(xml, budget.path)).toBe('result_ready');
    },
  );
});
