import type { InstanceState } from '../engine.types';

/** What a token is waiting for; absent while it moves. `ref` is the task, job or scope instance id. */
export type Wait =
  | { kind: 'task'; ref: string }
  | { kind: 'job'; ref: string }
  | { kind: 'timer'; ref: string; remaining?: number | null }
  | { kind: 'message'; name: string }
  | { kind: 'signal'; name: string }
  /** Call activity: the child instance started for call `ref`. */
  | { kind: 'call'; ref: string }
  | { kind: 'scope'; ref: string }
  /** Event-based gateway: waits for the first of its listeners. */
  | { kind: 'events' }
  /** Stuck on an incident with nothing to wait for (no matching flow, bad FEEL, uncaught error end). */
  | { kind: 'incident' };

/**
 * A position in the process. Listener tokens stand for the subscriptions of another token
 * (`hostId`): the boundary events of an activity, the events after an event-based gateway.
 */
export interface Token {
  id: string;
  elementId: string;
  /** The scope instance this token runs in. */
  scopeId: string;
  /** The sequence flow it arrived by (joins count arrivals per flow). */
  flowId?: string;
  wait?: Wait;
  hostId?: string;
  listeners?: string[];
  /** Event-based gateway listeners: the flow to take when this event wins. */
  via?: string;
  incident?: { code: string; message: string };
  /** Subscription of an event subprocess's start event, living in the scope it listens to (never keeps it running). */
  scopeListener?: true;
  /** One instance of a multi-instance activity (its scope is the instance's; it leaves by no flow). */
  inner?: true;
}

/** One run of a scope: the process itself (no parent) or an embedded subprocess. */
export interface ScopeInstance {
  id: string;
  /** The process id or the subprocess element id. */
  elementId: string;
  parentId: string | null;
  /** The token that waits in the parent scope for this one to complete. */
  hostTokenId: string | null;
  /** Local variables (multi-instance: `loopCounter`, the element variable, the `nrOf…` counters). */
  variables?: Record<string, unknown>;
  /** A multi-instance body: its progress (see runtime/multi-instance.ts). */
  multi?: MultiInstanceProgress;
}

/** Progress of one multi-instance activity run. */
export interface MultiInstanceProgress {
  /** Items still to hand out (sequential), or all items when they came from a collection. */
  items: unknown[] | null;
  total: number;
  /** Index of the next instance to start (sequential); equals total once all have started. */
  next: number;
  completed: number;
  /** outputElement values by instance index. */
  outputs: unknown[];
}

/**
 * The whole engine-owned state: plain JSON. Arrays keep creation order, which decides which
 * waiting token a message goes to when several wait for the same name.
 */
export interface EngineState extends InstanceState {
  processId: string;
  businessKey?: string;
  rootScopeId: string;
  tokens: Token[];
  scopes: ScopeInstance[];
  /** Join arrivals: scope instance id → gateway id → incoming flow id → tokens arrived. */
  joins: Record<string, Record<string, Record<string, number>>>;
}
