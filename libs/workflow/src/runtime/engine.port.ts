/**
 * The one place libs/workflow imports the pure engine from (its public index only), so the
 * rest of the module sees a single, stable seam.
 */
export {
  Engine,
  EngineError,
  diagramLimits,
  parseBpmn,
  planNextCycle,
  planTimer,
  validateModel,
} from '../../../engine/src';
export type {
  DiagramLimits,
  ProcessModel,
  TimerDefinition,
  Effect,
  EngineContext,
  EngineResult,
  InstanceState,
  JobScheduled,
  TaskCreated,
  UserTaskSpec,
  ValidationIssue,
  WorkingTime,
} from '../../../engine/src';
// Instance migration (libs/workflow/src/migration).
export { migrateState } from '../../../engine/src';
