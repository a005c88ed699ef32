import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBpmn, type ProcessModel } from '../../../../libs/engine/src';
import { rolesMatchGroups } from '../../../../libs/common/src';
import { DEMO_ACCOUNTS } from '../../../../libs/identity/src/seed/demo-accounts.data';
import { DEMO_DOSSIERS, DEMO_PROCEDURES, stepCompletion, type DemoProcedure } from './demo-dossiers.data';

const root = join(__dirname, '..', '..', '..', '..', 'processes');
const catalog: {
  code: string;
  processKey: string;
  electronicResult?: boolean;
  requiredDocuments: { code: string; required: boolean }[];
}[] = JSON.parse(readFileSync(join(root, 'catalog.json'), 'utf8'));

/** Whether a flow's condition of the shape `name = literal` holds for the variables a step was completed with. */
function holds(condition: string | undefined, variables: Record<string, unknown>): boolean {
  const match = condition?.match(/^\s*(\w+)\s*=\s*(.+?)\s*$/);
  return !!match && JSON.stringify(variables[match[1]]) === match[2];
}

/**
 * The user tasks a dossier meets from the start when each step is completed with the variables
 * `variablesOf` gives: at a gateway, the first flow whose condition holds, else the default flow.
 */
function pathOf(
  model: ProcessModel,
  variablesOf: (elementId: string, visit: number) => Record<string, unknown>,
): string[] {
  const path: string[] = [];
  let variables: Record<string, unknown> = {};
  let id = model.startEventId;
  while (id && path.length < 50) {
    const element = model.elements[id];
    if (element.kind === 'userTask') {
      variables = variablesOf(id, path.filter((p) => p === id).length);
      path.push(id);
    }
    const chosen =
      element.outgoing.length > 1
        ? (element.outgoing.find((f) => holds(model.flows[f].condition, variables)) ?? element.defaultFlow)
        : element.outgoing[0];
    id = chosen ? (model.flows[chosen].targetId ?? undefined) : undefined;
  }
  return path;
}

/** What the seed sends at each step of a plan: the plan's outcome the first time, else the step's usual variables. */
function seedVariables(procedure: DemoProcedure, outcomes: Record<string, string> = {}) {
  return (elementId: string, visit: number) => {
    const step = procedure.steps[elementId];
    return step ? stepCompletion(step, 0, visit === 0 ? outcomes[elementId] : undefined).variables : {};
  };
}

async function processOf(code: string): Promise<ProcessModel> {
  const entry = catalog.find((p) => p.code === code)!;
  const { processes } = await parseBpmn(readFileSync(join(root, `${entry.processKey}.bpmn`), 'utf8'));
  return processes.find((p) => p.id === entry.processKey)!;
}

/** The demo seed drives the shipped diagrams by element id: a renamed step would silently stop it. */
describe('demo dossiers plan', () => {
  it.each(Object.entries(DEMO_PROCEDURES))(
    '%s names real steps, done by accounts allowed to do them',
    async (_, procedure) => {
      // given the shipped diagram and catalog entry
      const model = await processOf(procedure.code);
      const receivingUnit = DEMO_ACCOUNTS.find((a) => a.username === procedure.reception)!.unitCode;
      // then every mapped step is a user task whose unit and groups the account satisfies
      for (const [elementId, step] of Object.entries(procedure.steps)) {
        const spec = model.elements[elementId]?.userTask;
        const account = DEMO_ACCOUNTS.find((a) => a.username === step.user);
        expect([elementId, spec !== undefined, account !== undefined]).toEqual([elementId, true, true]);
        const unit = !spec!.unit || spec!.unit === 'receiving' ? receivingUnit : spec!.unit;
        expect([elementId, account!.unitCode, rolesMatchGroups(account!.roles, spec!.candidateGroups)]).toEqual([
          elementId,
          unit,
          true,
        ]);
      }
      // and the steps before the result on the diagram's usual path are as many as the plan says, and the documents are the required ones
      expect(pathOf(model, seedVariables(procedure)).indexOf('Task_TraKetQua')).toBe(procedure.stepsToResult);
      const required = catalog
        .find((p) => p.code === procedure.code)!
        .requiredDocuments.filter((d) => d.required)
        .map((d) => d.code);
      expect([...procedure.documents].sort()).toEqual(required.sort());
      // and a result file is handed back electronically only where the procedure allows it
      expect(procedure.result !== undefined).toBe(
        catalog.find((p) => p.code === procedure.code)!.electronicResult === true,
      );
      // and every step writes an opinion
      for (const [elementId, step] of Object.entries(procedure.steps))
        expect([elementId, step.opinions.every((o) => o.trim().length > 20)]).toEqual([elementId, true]);
    },
  );

  it('plans outcomes only that the step offers, and steps the seed can do on the path they take', async () => {
    for (const [i, plan] of DEMO_DOSSIERS.entries()) {
      const procedure = DEMO_PROCEDURES[plan.procedure];
      const model = await processOf(procedure.code);
      // the seed completes the plan's steps along the path its outcomes choose, never the desk's hand-over of the result
      const path = pathOf(model, seedVariables(procedure, plan.outcomes));
      const done = path.slice(0, plan.steps === 'result' ? procedure.stepsToResult : plan.steps);
      expect([i, done.length, done.filter((id) => !procedure.steps[id] || id === 'Task_TraKetQua')]).toEqual([
        i,
        plan.steps === 'result' ? procedure.stepsToResult : plan.steps,
        [],
      ]);
      for (const [elementId, outcome] of Object.entries(plan.outcomes ?? {})) {
        const form = model.elements[elementId]?.userTask?.form as { outcomes?: { key: string }[] } | undefined;
        expect(form?.outcomes?.map((o) => o.key)).toContain(outcome);
      }
    }
  });
});
