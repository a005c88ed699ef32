/** Runtime knobs of libs/workflow, read once from the environment when the module starts. */
export interface WorkflowConfig {
  /** Run the BullMQ processor and the reconciler in this process (`RUN_WORKERS`, default on). */
  runWorkers: boolean;
  /** Parallel jobs per process (`JOB_CONCURRENCY`). */
  jobConcurrency: number;
  /** First retry delay of a failed job; doubles on each attempt (`JOB_BACKOFF_MS`). */
  jobBackoffMs: number;
  /** Attempts before an incident when the diagram says nothing (`JOB_MAX_ATTEMPTS`). */
  jobMaxAttempts: number;
  /** How long a worker owns a claimed job before another may take it over (`JOB_LOCK_MS`). */
  jobLockMs: number;
  /** Reconciler period (`RECONCILE_INTERVAL_MS`). */
  reconcileIntervalMs: number;
  /** Largest BPMN upload, bytes (`BPMN_MAX_BYTES`). */
  bpmnMaxBytes: number;
  /** Deadline warning: share of the step's working time before it is due (`DEADLINE_WARNING_FRACTION`, 0.25). */
  deadlineWarningFraction: number;
  /** Deadline warning: at least this many working ms before due (`DEADLINE_WARNING_MIN_MS`, one hour). */
  deadlineWarningMinMs: number;
  /** Receiving unit of instances started by a timer start event when the deployer's is unknown (`TIMER_START_UNIT`). */
  timerStartUnit: string | null;
  /** Running instances whose last committed state this process keeps, to skip the read (`INSTANCE_CACHE_SIZE`, 0 = off). */
  instanceCacheSize: number;
  /** How often the inbox's kept counts fold their changes (`TASK_COUNT_FOLD_MS`, ADR 0006). */
  taskCountFoldMs: number;
  /** Bounds on diagrams (issue 15; docs/security.md): `BPMN_MAX_FLOW_ELEMENTS`, `BPMN_MAX_SUBPROCESS_DEPTH`, `MI_MAX_CARDINALITY`, `TIMER_MIN_CYCLE_MS`. */
  diagramLimits: DiagramLimits;
  /** Call activities nested deeper than this raise `CALL_DEPTH_EXCEEDED` instead of starting a child (`CALL_DEPTH_MAX`, 10). */
  callDepthMax: number;
}

import { diagramLimits, type DiagramLimits } from './runtime/engine.port';

export const WORKFLOW_CONFIG = Symbol('WORKFLOW_CONFIG');

function int(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? Math.floor(parsed) : fallback;
}

function optionalInt(value: string | undefined): number | undefined {
  return value === undefined || value.trim() === '' ? undefined : int(value, NaN);
}

export function workflowConfig(env: NodeJS.ProcessEnv = process.env): WorkflowConfig {
  return {
    runWorkers: env.RUN_WORKERS !== 'false',
    jobConcurrency: Math.max(1, int(env.JOB_CONCURRENCY, 8)),
    jobBackoffMs: int(env.JOB_BACKOFF_MS, 1000),
    jobMaxAttempts: Math.max(1, int(env.JOB_MAX_ATTEMPTS, 3)),
    jobLockMs: Math.max(1000, int(env.JOB_LOCK_MS, 5 * 60_000)),
    reconcileIntervalMs: Math.max(100, int(env.RECONCILE_INTERVAL_MS, 10_000)),
    bpmnMaxBytes: Math.max(1024, int(env.BPMN_MAX_BYTES, 2 * 1024 * 1024)),
    deadlineWarningFraction: Math.min(1, Number(env.DEADLINE_WARNING_FRACTION ?? 0.25) || 0.25),
    deadlineWarningMinMs: int(env.DEADLINE_WARNING_MIN_MS, 3_600_000),
    timerStartUnit: env.TIMER_START_UNIT?.trim() || null,
    instanceCacheSize: int(env.INSTANCE_CACHE_SIZE, 10_000),
    taskCountFoldMs: Math.max(100, int(env.TASK_COUNT_FOLD_MS, 1000)),
    diagramLimits: diagramLimits({
      maxFlowElements: optionalInt(env.BPMN_MAX_FLOW_ELEMENTS),
      maxSubProcessDepth: optionalInt(env.BPMN_MAX_SUBPROCESS_DEPTH),
      maxCardinality: optionalInt(env.MI_MAX_CARDINALITY),
      minTimerCycleMs: optionalInt(env.TIMER_MIN_CYCLE_MS),
    }),
    callDepthMax: Math.max(1, int(env.CALL_DEPTH_MAX, 10)),
  };
}
