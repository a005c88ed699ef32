/**
 * Public contract of the pure engine (DESIGN §2). libs/workflow and the apps depend on these
 * shapes only; everything else in libs/engine is internal. Keep it JSON-serializable.
 */

import type { DiagramLimits } from './limits/diagram-limits';

/** Injected time source: the engine has no clock of its own (STYLE rule 1). */
export interface Clock {
  now(): Date;
}

/** Working-time arithmetic, injected so the engine stays free of the calendar's tables: libs/calendar's one port. */
export type { WorkingTime } from '../../calendar/src/working-time.port';
import type { WorkingTime } from '../../calendar/src/working-time.port';

/** Everything a command may use from the outside world. */
export interface EngineContext {
  clock: Clock;
  /** New unique id for tasks, jobs and tokens (the caller decides: uuid in prod, counter in specs). */
  newId(): string;
  /** Optional: without it `mc:workingTime` timers fall back to wall-clock durations. */
  workingTime?: WorkingTime;
  /** The deployment's bounds on diagrams (limits/diagram-limits.ts); missing ones take the defaults. */
  limits?: Partial<DiagramLimits>;
}

export type Severity = 'error' | 'warning';

/** One finding of the validator; errors refuse a deployment, warnings do not. */
export interface ValidationIssue {
  elementId: string;
  code: string;
  message: string;
  severity: Severity;
}

/** A user task's assignment and deadline as drawn (`mc:` attributes or Camunda/Zeebe fallbacks). */
export interface UserTaskSpec {
  /** `receiving`, `parent`, `province` or a unit code; undefined means the receiving unit. */
  unit?: string;
  candidateGroups: string[];
  /** A named assignee (`camunda:assignee`, zeebe `assignee`), possibly an expression; rare here. */
  assignee?: string;
  /** Working time allowed for the step, ISO 8601 (`P2D`, `PT4H`); `2d`/`4h` are normalised. */
  duration?: string;
  /** Citizen-facing status key while the dossier waits here (DESIGN §5). */
  status?: string;
  /** Completion form: outcome choices and fields, as drawn. */
  form?: unknown;
  /**
   * `mc:action`: the one-stop desk action that completes this step (`supplement`, `apology`); such a
   * step is never completed from the inbox (ADR 0012). Unknown values are kept for the validator.
   */
  action?: string;
  /** Absolute due date or expression from camunda:dueDate / zeebe:taskSchedule, if any. */
  dueDate?: string;
}

export interface TaskCreated {
  id: string;
  elementId: string;
  name: string;
  /** Token that waits on this task (internal to the engine, kept for completion). */
  tokenId: string;
  spec: UserTaskSpec;
}

export type JobKind = 'service' | 'timer';

export interface JobScheduled {
  id: string;
  kind: JobKind;
  elementId: string;
  /** ISO 8601 instant; service jobs are due immediately. */
  dueAt: string;
  /** Service tasks: handler name (`mc:topic`, `camunda:topic`, zeebe task type, or the element id). */
  topic?: string;
  /** Service tasks: attempts before an incident. */
  retries?: number;
}

export interface HistoryRecord {
  /** e.g. `instance.started`, `element.entered`, `element.completed`, `task.created`, `task.completed`, `gateway.taken`, `error.caught`, `instance.completed` */
  type: string;
  elementId?: string;
  taskId?: string;
  data?: Record<string, unknown>;
}

/** Effects are data: the persistence layer turns them into rows and queue entries. */
export type Effect =
  | { type: 'task.created'; task: TaskCreated }
  | { type: 'task.cancelled'; taskId: string }
  | { type: 'job.scheduled'; job: JobScheduled }
  | { type: 'job.cancelled'; jobId: string }
  | { type: 'history'; record: HistoryRecord }
  | { type: 'incident'; elementId: string; code: string; message: string }
  | { type: 'instance.completed' }
  /**
   * A process-level end event with `mc:outcome` was reached: the dossier closes with that outcome
   * (DESIGN §2, ADR 0011). `reason` is the value of `mc:reason` in the token's scope, as text, or
   * null when unset or empty.
   */
  | { type: 'outcome.reached'; elementId: string; outcome: EndOutcome; reason: string | null }
  /**
   * A signal was thrown. Subscriptions of this instance have already been triggered; the
   * persistence layer may deliver it to other waiting instances with `Engine.signal`.
   */
  | { type: 'signal.thrown'; signalName: string; variables: Record<string, unknown> }
  /**
   * A send task with a `messageRef` sent its message (issue 21 #6): the persistence layer
   * correlates it as a message from outside would be (the instance of the same business key
   * waiting for it, else a process with that message start). It carries no variables yet.
   */
  | { type: 'message.sent'; elementId: string; messageName: string; variables: Record<string, unknown> }
  /**
   * A call activity wants a child instance of `calledElement` (a process key) started with
   * `variables`; the parent waits until `Engine.completeCall` or `Engine.failCall` names `callId`.
   */
  | {
      type: 'call.started';
      callId: string;
      elementId: string;
      calledElement: string;
      variables: Record<string, unknown>;
    }
  /** The call activity was interrupted or the parent cancelled: the child instance should be cancelled. */
  | { type: 'call.cancelled'; callId: string }
  | { type: 'instance.terminated'; reason?: string };

/**
 * How a dossier ends when its diagram reaches an end event with `mc:outcome` (ADR 0011): the
 * closed public statuses of DESIGN §5.
 */
export const END_OUTCOMES = ['returned', 'rejected', 'withdrawn'] as const;
export type EndOutcome = (typeof END_OUTCOMES)[number];

export function isEndOutcome(value: unknown): value is EndOutcome {
  return typeof value === 'string' && (END_OUTCOMES as readonly string[]).includes(value);
}

export type InstanceStatus = 'running' | 'completed' | 'terminated';

/**
 * The whole runtime state of one instance, a plain JSON value (as bpmn-elements' getState).
 * Its inner shape belongs to libs/engine; callers store and pass it back untouched.
 */
export interface InstanceState {
  status: InstanceStatus;
  variables: Record<string, unknown>;
  /** Internal structure owned by the engine (tokens, scopes, join counters, subscriptions). */
  [internal: string]: unknown;
}

export interface EngineResult {
  state: InstanceState;
  effects: Effect[];
}

/** Error with a stable code (STYLE rule 8); workflow maps it to 4xx at the edge. */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
