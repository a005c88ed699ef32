import { rolesMatchGroups } from '../../../common/src';

/** What happened to a step; the inbox refreshes on any, and counts `created` as a new step. */
export type InboxEventKind = 'created' | 'claimed' | 'unclaimed' | 'assigned' | 'completed';

/**
 * One message on the inbox-events channel (ADR 0022). Only what routing needs: no name, no
 * applicant, no username; the browser reloads its page through the guarded API.
 */
export interface InboxEvent {
  kind: InboxEventKind;
  taskId: string;
  unitCode: string;
  /** The step's candidate groups; empty = every role of the unit. */
  groups: string[];
  /** When it was published (ms since the epoch): lets a client measure the delay. */
  at: number;
}

/** Who sees the step in their inbox: same unit, and roles that satisfy its groups (as `taskVisibleSql`). */
export function eventReaches(user: { unitCode: string; roles: readonly string[] }, event: InboxEvent): boolean {
  return user.unitCode === event.unitCode && rolesMatchGroups(user.roles, event.groups);
}

/** The event of a step as a `TaskView`-like shape gives it. */
export function inboxEvent(
  kind: InboxEventKind,
  task: { id: string; unitCode: string; candidateGroups: readonly string[] },
): InboxEvent {
  return { kind, taskId: task.id, unitCode: task.unitCode, groups: [...task.candidateGroups], at: Date.now() };
}

/** A message read back from Redis, or undefined when it is not one of ours. */
export function parseInboxEvent(text: string): InboxEvent | undefined {
  try {
    const value = JSON.parse(text) as Partial<InboxEvent>;
    if (
      typeof value.taskId !== 'string' ||
      typeof value.unitCode !== 'string' ||
      !Array.isArray(value.groups) ||
      typeof value.kind !== 'string'
    )
      return undefined;
    return {
      kind: value.kind,
      taskId: value.taskId,
      unitCode: value.unitCode,
      groups: value.groups.map(String),
      at: Number(value.at) || 0,
    };
  } catch {
    return undefined;
  }
}
