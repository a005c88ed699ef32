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

import { setting, type SettingName } from '../../config/src';
import { diagramLimits, type DiagramLimits } from './runtime/engine.port';

export const WORKFLOW_CONFIG = Symbol('WORKFLOW_CONFIG');

/** Every value is checked by the schema (libs/config): a bad one stops the start with its name. */
export function workflowConfig(env: NodeJS.ProcessEnv = process.env): WorkflowConfig {
  const get = <K extends SettingName>(name: K) => setting(name, env);
  return {
    runWorkers: get('RUN_WORKERS'),
    jobConcurrency: get('JOB_CONCURRENCY'),
    jobBackoffMs: get('JOB_BACKOFF_MS'),
    jobMaxAttempts: get('JOB_MAX_ATTEMPTS'),
    jobLockMs: get('JOB_LOCK_MS'),
    reconcileIntervalMs: get('RECONCILE_INTERVAL_MS'),
    bpmnMaxBytes: get('BPMN_MAX_BYTES'),
    deadlineWarningFraction: get('DEADLINE_WARNING_FRACTION'),
    deadlineWarningMinMs: get('DEADLINE_WARNING_MIN_MS'),
    timerStartUnit: get('TIMER_START_UNIT') ?? null,
    instanceCacheSize: get('INSTANCE_CACHE_SIZE'),
    taskCountFoldMs: get('TASK_COUNT_FOLD_MS'),
    diagramLimits: diagramLimits({
      maxFlowElements: get('BPMN_MAX_FLOW_ELEMENTS'),
      maxSubProcessDepth: get('BPMN_MAX_SUBPROCESS_DEPTH'),
      maxCardinality: get('MI_MAX_CARDINALITY'),
      minTimerCycleMs: get('TIMER_MIN_CYCLE_MS'),
    }),
    callDepthMax: get('CALL_DEPTH_MAX'),
  };
}
