import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBpmn, type ProcessModel } from '../../../../libs/engine/src';
import { rolesMatchGroups } from '../../../../libs/common/src';
import { DEMO_ACCOUNTS } from '../../../../libs/identity/src/seed/demo-accounts.data';
import { DEMO_DOSSIERS, DEMO_PROCEDURES } from './demo-dossiers.data';

const root = join(__dirname, '..', '..', '..', '..', 'processes');
const catalog: { code: string; processKey: string; requiredDocuments: { code: string; required: boolean }[] }[] = JSON.parse(readFileSync(join(root, 'catalog.json'), 'utf8'));

async function processOf(code: string): Promise<ProcessModel> {
  const entry = catalog.find((p) => p.code === code)!;
  const { processes } = await parseBpmn(readFileSync(join(root, `${entry.processKey}.bpmn`), 'utf8'));
  return processes.find((p) => p.id === entry.processKey)!;
}

/** The demo seed drives the shipped diagrams by element id: a renamed step would silently stop it. */
describe('demo dossiers plan', () => {
  it.each(Object.entries(DEMO_PROCEDURES))('%s names real steps, done by accounts allowed to do them', async (_, procedure) => {
    // given the shipped diagram and catalog entry
    const model = await processOf(procedure.code);
    const receivingUnit = DEMO_ACCOUNTS.find((a) => a.username === procedure.reception)!.unitCode;
    // then every mapped step is a user task whose unit and groups the account satisfies
    for (const [elementId, step] of Object.entries(procedure.steps)) {
      const spec = model.elements[elementId]?.userTask;
      const account = DEMO_ACCOUNTS.find((a) => a.username === step.user);
      expect([elementId, spec !== undefined, account !== undefined]).toEqual([elementId, true, true]);
      const unit = !spec!.unit || spec!.unit === 'receiving' ? receivingUnit : spec!.unit;
      expect([elementId, account!.unitCode, rolesMatchGroups(account!.roles, spec!.candidateGroups)]).toEqual([elementId, unit, true]);
    }
    // and the steps before the result are as many as the plan says, and the documents are the required ones
    expect(Object.keys(procedure.steps)).toHaveLength(procedure.stepsToResult);
    const required = catalog.find((p) => p.code === procedure.code)!.requiredDocuments.filter((d) => d.required).map((d) => d.code);
    expect([...procedure.documents].sort()).toEqual(required.sort());
  });

  it('plans outcomes only that the step offers, and fewer steps than the procedure has', async () => {
    for (const plan of DEMO_DOSSIERS) {
      const procedure = DEMO_PROCEDURES[plan.procedure];
      if (plan.steps !== 'result') expect(plan.steps).toBeLessThanOrEqual(procedure.stepsToResult);
      const model = await processOf(procedure.code);
      for (const [elementId, outcome] of Object.entries(plan.outcomes ?? {})) {
        const form = model.elements[elementId]?.userTask?.form as { outcomes?: { key: string }[] } | undefined;
        expect(form?.outcomes?.map((o) => o.key)).toContain(outcome);
      }
    }
  });
});
