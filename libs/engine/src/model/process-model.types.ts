import type { UserTaskSpec } from '../engine.types';

/**
 * The compiled, executable form of one BPMN <process> (DESIGN §2, stage 1). Plain JSON: it is
 * stored as jsonb and reloaded with JSON.parse, so no Maps, classes or functions. The runtime
 * reads it and never writes it.
 */
export interface ProcessModel {
  /** The <process> id: the deployment key. */
  id: string;
  name?: string;
  isExecutable: boolean;
  /** `mc:procedureCode`: the catalog entry this diagram implements. */
  procedureCode?: string;
  /** Where `Engine.start` puts the first token: the process-level none start (or timer start). */
  startEventId?: string;
  /**
   * A process-level timer start event. Its schedule is metadata for the process starter, which
   * calls `Engine.start` when it fires; cycles are never executed inside an instance.
   */
  timerStart?: { elementId: string } & TimerDefinition;
  /** Every flow node by id, including unsupported ones (the validator names them). */
  elements: Record<string, ElementModel>;
  flows: Record<string, FlowModel>;
}

/** One flow node. `kind` selects its behavior; `type` is the BPMN type as drawn. */
export interface ElementModel {
  id: string;
  /** The BPMN type, e.g. `bpmn:UserTask`. */
  type: string;
  /** Behavior key: the BPMN local type, plus the event kind for events (`endEvent:terminate`). */
  kind: string;
  name?: string;
  /** The scope the element lives in: the process id or an embedded subprocess id. */
  scopeId: string;
  /** Sequence flow ids, in document order. */
  incoming: string[];
  outgoing: string[];
  defaultFlow?: string;
  /** Events: the (single) event definition; absent on none events. */
  event?: EventDefinitionModel;
  /** Boundary events: the activity they sit on, and whether firing cancels it. */
  attachedTo?: string;
  cancelActivity?: boolean;
  /** Activities: the boundary events attached to them (precomputed for the runtime). */
  boundaries?: string[];
  /** Subprocesses: the none start event of their scope. */
  startEventId?: string;
  userTask?: UserTaskSpec;
  job?: JobSpec;
  /** Loop markers as drawn; not executable yet (the validator refuses them). */
  loop?: 'standard' | 'parallel' | 'sequential';
}

export type EventKind =
  | 'message'
  | 'timer'
  | 'error'
  | 'terminate'
  | 'signal'
  | 'escalation'
  | 'conditional'
  | 'link'
  | 'compensate'
  | 'cancel'
  | 'multiple';

export interface EventDefinitionModel {
  kind: EventKind;
  /** Message events and receive tasks: the bpmn:Message name (the correlation key). */
  messageName?: string;
  /** Error events: bpmn:Error errorCode; on a catch, absent means "catch all". */
  errorCode?: string;
  /** Timer events; absent when the definition is empty. */
  timer?: TimerDefinition;
}

/** An ISO 8601 timer as drawn: `timeDate`, `timeDuration` or `timeCycle`. */
export interface TimerDefinition {
  type: 'date' | 'duration' | 'cycle';
  value: string;
  /** `mc:workingTime="true"`: durations count working time (ctx.workingTime). */
  workingTime: boolean;
}

/** Service and send tasks: what the worker runs. */
export interface JobSpec {
  topic: string;
  /** Attempts before an incident; null when `mc:retries` is not a non-negative integer. */
  retries: number | null;
}

export interface FlowModel {
  id: string;
  name?: string;
  /** Null when the reference does not resolve (the validator reports it). */
  sourceId: string | null;
  targetId: string | null;
  /** FEEL expression with its `=` or `${…}` wrapper removed. */
  condition?: string;
}
