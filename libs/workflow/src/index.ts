export * from './workflow.module';
export * from './workflow.tokens';
export * from './workflow.config';
export * from './services/deployment.service';
export * from './services/runtime.service';
export * from './services/task.service';
export * from './services/incident.service';
export * from './services/workflow.actor';
export * from './seed/process-files.deployer';
export * from './jobs/bpmn.error';
export * from './jobs/service-task.registry';
export * from './jobs/job.reconciler';
export * from './jobs/job.runner';
export * from './runtime/deadline.calculator';
export * from './runtime/instance-change';
export * from './runtime/instance-change.listeners';
export type { CommandTx } from './persistence/command.tx';
export type { TaskView } from './views/task.view';
export type { InstanceView, HistoryView, JobView, IncidentView } from './views/instance.view';
export * from './jobs/job-kind.registry';
export * from './jobs/job.scheduler';
export type { ClaimedJob, JobOutcome } from './jobs/job.row';
export { TIMER_START } from './jobs/timer-start.scheduler';
export * from './deadlines/deadline-job.ids';
export * from './notifications/notification.service';
export type { NotificationView, NewNotification } from './notifications/notification.view';
export { IdempotencyModule } from './idempotency/idempotency.module';
export { HandlesIdempotencyKey, REPLAYED_HEADER, storedAnswer } from './idempotency/idempotency.interceptor';
export {
  COMPLETE_IN_PROGRESS_KEY_SQL,
  IdempotencyKeysRepository,
  type IdempotencyKeyRow,
} from './idempotency/idempotency-keys.repository';
export { parseIdempotencyKey, requestFingerprint } from './idempotency/idempotency-request.rules';
export { recordIdempotentAnswer, recordIdempotentAnswerOf } from './idempotency/idempotency.scope';
export * from './ownership/ownership.service';
export * from './ownership/admin-reach';
export type { KeyOwnership } from './ownership/process-keys.repository';
export { OpinionsRepository } from './opinions/opinions.repository';
export type { OpinionView } from './opinions/opinion.view';
export { instanceStepsSql } from './persistence/instance-steps.sql';
export * from './persistence/published-queries';
export * from './commands/workflow-command';
export { WorkflowCommands } from './commands/workflow.commands';
export { AFTER_INSTANCE, INSTANCE_WRITE } from './runtime/effect.writer';
export { finishJob, STILL_OURS } from './jobs/job-ownership';
export { OpinionDto } from './http/dtos/task.response';
export { InboxSubjects, type InboxSubjectSql } from './persistence/inbox-subjects';
export {
  completedStepsOf,
  latestDiagramOf,
  type CompletedStepGroup,
  type CompletedStepsFilter,
} from './history/completed-steps.query';
