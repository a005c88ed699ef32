/**
 * One-stop desk actions a user task can stand for (`mc:action`, ADR 0012): the step is completed
 * by that action at the desk (Form 02 and the documents' arrival; Form 04 and the new date), never
 * from the inbox.
 */
export const DESK_ACTIONS = ['supplement', 'apology'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/** Roles that may take each action at the desk (DESIGN §6): the step must be offered to one of them. */
export const DESK_ACTION_ROLES: Record<DeskAction, readonly string[]> = {
  supplement: ['reception', 'leader'],
  apology: ['leader'],
};

export function isDeskAction(value: unknown): value is DeskAction {
  return typeof value === 'string' && (DESK_ACTIONS as readonly string[]).includes(value);
}
