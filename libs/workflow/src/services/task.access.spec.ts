import type { AuthUser } from '../../../common/src';
import type { TaskRow } from '../views/task.view';
import { TaskAccess } from './task.access';

const CITY = '000.00.20.H15';
const user = (username: string, roles: string[], unitCode = CITY): AuthUser => ({
  id: username,
  username,
  fullName: username,
  unitId: 'u',
  unitCode,
  roles,
});
const task = (patch: Partial<TaskRow> = {}): TaskRow => ({
  id: 't',
  element_id: 'Task_A',
  name: 'A',
  instance_id: 'i',
  unit_code: CITY,
  candidate_groups: ['specialist'],
  assignee: null,
  status: 'open',
  created_at: new Date(),
  due_at: null,
  claimed_at: null,
  completed_at: null,
  completed_by: null,
  spec: {},
  business_key: null,
  definition_key: 'k',
  procedure_code: null,
  ...patch,
});

/** Why a guarded update changed nothing — each refusal has its stable code. */
describe('TaskAccess.refusal', () => {
  it.each([
    ['a missing task', undefined, user('specialist', ['specialist']), 'claim', 'TASK_NOT_FOUND'],
    ['another unit', task(), user('x', ['specialist'], '000.02.20.H15'), 'complete', 'TASK_NOT_FOUND'],
    ['a role that does not match', task(), user('reception', ['reception']), 'claim', 'TASK_NOT_FOUND'],
    [
      'a completed task',
      task({ status: 'completed' }),
      user('specialist', ['specialist']),
      'complete',
      'TASK_NOT_OPEN',
    ],
    [
      'a claim of a claimed task',
      task({ assignee: 'other' }),
      user('specialist', ['specialist']),
      'claim',
      'TASK_ALREADY_CLAIMED',
    ],
    [
      'completing a task claimed by someone else',
      task({ assignee: 'other' }),
      user('specialist', ['specialist']),
      'complete',
      'TASK_CLAIMED_BY_OTHER',
    ],
    ['the head claiming a specialist task', task(), user('head', ['head']), 'claim', 'TASK_NOT_CANDIDATE'],
    ['unclaiming a free task', task(), user('specialist', ['specialist']), 'unclaim', 'TASK_NOT_CLAIMED'],
    [
      "unclaiming a colleague's task",
      task({ assignee: 'other' }),
      user('specialist', ['specialist']),
      'unclaim',
      'TASK_NOT_ASSIGNEE',
    ],
  ] as const)('%s → %s', (_case, row, who, action, code) => {
    expect(TaskAccess.refusal('t', row, who, action).code).toBe(code);
  });

  it('lets a land specialist act on a specialist task', () => {
    expect(TaskAccess.isCandidate(user('s', ['specialist:land']), task())).toBe(true);
  });
});

/** A step drawn as a desk action (`mc:action`, ADR 0012) is completed on the dossier page, never from the inbox. */
describe('TaskAccess.completionRefusal of a desk-action step', () => {
  it('refuses its candidate with TASK_DESK_ACTION, naming the desk action in Vietnamese; an ordinary step passes', () => {
    const desk = user('reception', ['reception']);
    const supplement = TaskAccess.completionRefusal(
      't',
      task({ candidate_groups: ['reception'], spec: { action: 'supplement' } }),
      desk,
    );
    expect([supplement?.code, supplement?.message]).toEqual([
      'TASK_DESK_ACTION',
      expect.stringContaining('"Yêu cầu bổ sung" (Mẫu 02) rồi "Đã nhận bổ sung"'),
    ]);
    expect(TaskAccess.completionRefusal('t', task({ candidate_groups: ['reception'] }), desk)).toBeNull();
    // someone who may not see it still gets 404, not a hint of what the step is
    expect(TaskAccess.completionRefusal('t', task({ spec: { action: 'supplement' } }), desk)?.code).toBe(
      'TASK_NOT_FOUND',
    );
  });
});
