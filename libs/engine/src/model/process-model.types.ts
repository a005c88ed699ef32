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
  /**
   * Process-level message start events: metadata for whoever correlates messages to new
   * instances, which calls `Engine.start` with the `messageName` (or the `startEventId`).
   */
  messageStarts?: Array<{ elementId: string; messageName: string }>;
  /** Event subprocesses directly in the process (subprocesses list theirs on their element). */
  eventSubProcesses?: string[];
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
  /** Subprocesses: the none start event of their scope; event subprocesses: their (single) start event. */
  startEventId?: string;
  /** Subprocesses: the event subprocesses directly inside them. */
  eventSubProcesses?: string[];
  /** Start events: false for a non-interrupting event subprocess start (`isInterrupting="false"`). */
  interrupting?: boolean;
  userTask?: UserTaskSpec;
  job?: JobSpec;
  /**
   * Activities: `startQuantity` / `completionQuantity` as drawn, kept only when not the default 1
   * (the validator refuses them: issue 21 #4); null when not a whole number.
   */
  startQuantity?: number | null;
  completionQuantity?: number | null;
  /** Loop markers as drawn; `standard` loops are refused, multi-instance runs from `multiInstance`. */
  loop?: 'standard' | 'parallel' | 'sequential';
  /** Multi-instance activities: how many instances, over what, and what they collect. */
  multiInstance?: MultiInstanceSpec;
  /**
   * Inclusive joins: the elements of the join's scope from which a token can still reach it
   * (following flows and boundary events, never through the join itself). Precomputed at parse
   * time, so the runtime decides "can more tokens arrive?" by looking at the live tokens only.
   */
  joinUpstream?: string[];
  /** Call activities: the process they start and the variables passed each way. */
  call?: CallSpec;
  /**
   * End events: `mc:outcome` (how the dossier ends, as written: the validator names a value that is
   * not one of `END_OUTCOMES`) and `mc:reason` (FEEL, the citizen-facing reason, e.g. a variable name).
   */
  outcome?: { value: string; reason?: string };
  /** Script tasks: the FEEL expression and the variable that receives its value. */
  script?: { expression: string; resultVariable?: string; format?: string };
}

/**
 * A call activity. Without input mappings the child gets every variable visible at the call;
 * without output mappings every variable the child ends with comes back (Zeebe's defaults).
 */
export interface CallSpec {
  /** Key of the process to start (its latest version). */
  calledElement: string;
  /** Set when `calledElement` is the id of a global task of the document (its BPMN type): refused at deploy. */
  globalTask?: string;
  inputs?: VariableMapping[];
  outputs?: VariableMapping[];
}

/** `target` receives the value of the FEEL `source` (a variable name is FEEL too). */
export interface VariableMapping {
  source: string;
  target: string;
}

/** `bpmn:multiInstanceLoopCharacteristics` with mc:/camunda:/zeebe: attributes, expressions as FEEL. */
export interface MultiInstanceSpec {
  sequential: boolean;
  /** FEEL giving the list to iterate (`mc:collection`, `camunda:collection`, zeebe `inputCollection`). */
  collection?: string;
  /** Instance-local variable holding the current item. */
  elementVariable?: string;
  /** FEEL giving the number of instances (`bpmn:loopCardinality`), when there is no collection. */
  cardinality?: string;
  /** FEEL checked after each instance completes; true cancels the instances still running. */
  completionCondition?: string;
  /** Variable that receives the list of `outputElement` values, in input order. */
  outputCollection?: string;
  /** FEEL evaluated in each instance when it completes (zeebe style), e.g. `result`. */
  outputElement?: string;
  /**
   * `behavior` when not the default `All` (`None`, `One`, `Complex`), or `All` with behavior event
   * references or a complex behavior definition: events thrown as instances complete, which the
   * engine does not run, so the validator refuses them (issue 21 #5).
   */
  behavior?: string;
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
  /** Escalation events: bpmn:Escalation escalationCode; on a catch, absent means "catch all". */
  escalationCode?: string;
  /** Signal events: the bpmn:Signal name (its id when unnamed), the broadcast key. */
  signalName?: string;
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
