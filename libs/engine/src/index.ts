export * from './engine.types';
export type {
  ElementModel,
  EventDefinitionModel,
  EventKind,
  FlowModel,
  JobSpec,
  MultiInstanceSpec,
  CallSpec,
  VariableMapping,
  ProcessModel,
  TimerDefinition,
} from './model/process-model.types';
// The inner shape of InstanceState, for diagnostics and admin views only: store and pass it back untouched.
export type { EngineState, MultiInstanceProgress, ScopeInstance, Token, Wait } from './runtime/instance-state.types';
export type { StartInput } from './commands/start.command';
export type { CompleteTaskCommand } from './commands/complete-task.command';
export type { CompleteJobCommand } from './commands/complete-job.command';
export type { ThrowErrorCommand } from './commands/throw-error.command';
export type { FireTimerCommand } from './commands/fire-timer.command';
export type { CorrelateMessageCommand } from './commands/correlate-message.command';
export type { CompleteCallCommand } from './commands/complete-call.command';
export type { FailCallCommand } from './commands/fail-call.command';
export type { EscalateCallCommand } from './commands/escalate-call.command';
export type { SignalCommand } from './commands/signal.command';
export type { CancelCommand } from './commands/cancel.command';
export type { ParsedBpmn } from './parse/bpmn.parser';
export { parseBpmn } from './parse/bpmn.parser';
export { validateModel } from './validate/model.validator';
export { DESK_ACTIONS, DESK_ACTION_ROLES, isDeskAction, type DeskAction } from './model/desk-action';
export { DEFAULT_DIAGRAM_LIMITS, diagramLimits, type DiagramLimits } from './limits/diagram-limits';
export { Engine } from './engine';
// The process starter (libs/workflow) plans a timer start event's occurrences with these.
export { planTimer, planNextCycle, type TimerPlan } from './time/timer.schedule';
// Instance migration between versions of a process (libs/workflow's admin migrations).
export { migrateState, type ElementMapping, type MigratedState } from './migration/migrate-state';
// The FEEL wrapper (budget, regex guard, no user functions) that libs/decisions evaluates DMN with.
export { evaluateWithinBudget, unaryTestWithinBudget, FeelBoundError, MAX_FEEL_STEPS } from './feel/feel-budget';
export { feelSyntaxErrorWithNames, unaryTestsSyntaxError, MAX_FEEL_LENGTH } from './feel/feel-expression';
