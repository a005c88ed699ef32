import { parseBpmn, type ValidationIssue } from '../../index';
import { fixtureXml } from '../../__tests__/engine.harness';

const codes = (issues: ValidationIssue[]) =>
  issues.map((issue) => `${issue.severity} ${issue.code} ${issue.elementId}`);

describe('mc:action (desk-action steps, ADR 0012)', () => {
  it('reads the action into the step spec, so the runtime can keep the step out of the inbox', async () => {
    // given / when
    const {
      processes: [model],
    } = await parseBpmn(fixtureXml('desk-actions.bpmn'));

    // then
    expect(model.elements.Task_Supplement.userTask).toMatchObject({
      action: 'supplement',
      candidateGroups: ['reception'],
    });
    expect(model.elements.Task_Apology.userTask?.action).toBe('apology');
  });

  it('refuses an unknown action, a loop of desk actions and an action off a user task; warns on a step the desk cannot take', async () => {
    // given / when
    const { issues } = await parseBpmn(fixtureXml('desk-actions.bpmn'));

    // then
    expect(codes(issues)).toEqual(
      expect.arrayContaining([
        'error DESK_ACTION_UNKNOWN Task_Typo',
        'warning DESK_ACTION_GROUPS Task_WrongRole',
        'error DESK_ACTION_MULTI_INSTANCE Task_Many',
        'error DESK_ACTION_NOT_USER_TASK Service_Action',
      ]),
    );
    expect(issues.find((i) => i.code === 'DESK_ACTION_UNKNOWN')?.message).toContain("'bosung'");
    // and the well-formed steps pass
    expect(issues.filter((i) => i.elementId === 'Task_Supplement' || i.elementId === 'Task_Apology')).toEqual([]);
  });
});
