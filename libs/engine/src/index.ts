export * from './engine.types';
export type {
  ElementModel,
  EventDefinitionModel,
  EventKind,
  FlowModel,
  JobSpec,
  ProcessModel,
  TimerDefinition,
} from './model/process-model.types';
// The inner shape of InstanceState, for diagnostics and admin views only: store and pass it back untouched.
export type { EngineState, ScopeInstance, Token, Wait } from './runtime/instance-state.types';
export type { StartInput } from './commands/start.command';
export type { CompleteTaskCommand } from './commands/complete-task.command';
export type { CompleteJobCommand } from './commands/complete-job.command';
export type { ThrowErrorCommand } from './commands/throw-error.command';
export type { FireTimerCommand } from './commands/fire-timer.command';
export type { CorrelateMessageCommand } from './commands/correlate-message.command';
export type { CancelCommand } from './commands/cancel.command';
export type { ParsedBpmn } from './parse/bpmn.parser';
export { parseBpmn } from './parse/bpmn.parser';
export { validateModel } from './validate/model.validator';
export { Engine } from './engine';
