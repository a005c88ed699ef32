import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { DefinitionController } from './http/definition.controller';
import { IncidentController } from './http/incident.controller';
import { InstanceController } from './http/instance.controller';
import { OperationsController } from './http/operations.controller';
import { OperationsReader } from './http/operations.reader';
import { TaskController } from './http/task.controller';
import { InboxEventsController } from './http/inbox-events.controller';
import { SavedFiltersController } from './saved-filters/saved-filters.controller';
import { SavedFiltersRepository } from './saved-filters/saved-filters.repository';
import { InboxEventsBus } from './inbox-events/inbox-events.bus';
import { InboxStreamTickets } from './inbox-events/inbox-stream.tickets';
import { InboxStreams } from './inbox-events/inbox-streams';
import { CallActivityListener } from './calls/call-activity.listener';
import { CallJobsHandler } from './calls/call-jobs.handler';
import { InstanceMigrationService } from './migration/instance-migration.service';
import { MigrationController } from './migration/migration.controller';
import { MigrationRepository } from './migration/migration.repository';
import { MessageController } from './messages/message.controller';
import { MessageCorrelationService } from './messages/message-correlation.service';
import { MessageStartRepository } from './messages/message-start.repository';
import { MessageSendHandler } from './messages/message-send.handler';
import { MessageSendListener } from './messages/message-send.listener';
import { SignalBroadcastService } from './signals/signal-broadcast.service';
import { SignalController } from './signals/signal.controller';
import { SignalJobsHandler } from './signals/signal-jobs.handler';
import { SignalThrowListener } from './signals/signal-throw.listener';
import { DeadlineJobsHandler } from './deadlines/deadline-jobs.handler';
import { BuiltinHandlers } from './jobs/builtin.handlers';
import { JobKindRegistry } from './jobs/job-kind.registry';
import { JobScheduler } from './jobs/job.scheduler';
import { TimerStartScheduler } from './jobs/timer-start.scheduler';
import { NotificationController } from './notifications/notification.controller';
import { NotificationService } from './notifications/notification.service';
import { NotificationsRepository } from './notifications/notifications.repository';
import { JobFailureRecorder } from './jobs/job-failure.recorder';
import { JobProcessor } from './jobs/job.processor';
import { JobQueue } from './jobs/job.queue';
import { JobReconciler } from './jobs/job.reconciler';
import { JobRunner } from './jobs/job.runner';
import { ServiceTaskRegistry } from './jobs/service-task.registry';
import { DefinitionsRepository } from './persistence/definitions.repository';
import { InstanceViewReader } from './persistence/instance-view.reader';
import { InstancesRepository } from './persistence/instances.repository';
import { TaskCountsFolder } from './persistence/task-counts';
import { TasksRepository } from './persistence/tasks.repository';
import { InboxSubjects } from './persistence/inbox-subjects';
import { CommandExecutor } from './runtime/command.executor';
import { EffectRows } from './runtime/effect.rows';
import { EffectWriter } from './runtime/effect.writer';
import { InstanceChangeListeners } from './runtime/instance-change.listeners';
import { UnitResolver } from './runtime/unit.resolver';
import { DelegateTargetFinder } from './services/delegate-target.finder';
import { DeploymentService } from './services/deployment.service';
import { OwnershipService } from './ownership/ownership.service';
import { ProcessKeysRepository } from './ownership/process-keys.repository';
import { IncidentService } from './services/incident.service';
import { RuntimeService } from './services/runtime.service';
import { ProcessFilesDeployer } from './seed/process-files.deployer';
import { TaskService } from './services/task.service';
import { CompletionOpinionService } from './opinions/completion-opinion.service';
import { OpinionsRepository } from './opinions/opinions.repository';
import { WorkflowMetrics } from './metrics/workflow-metrics';
import { ClaimedTasksRelease } from './persistence/claimed-tasks.release';
import { MetricsModule } from '../../observability/src';
import { WORKFLOW_CONFIG, workflowConfig } from './workflow.config';
import { JOBS_QUEUE } from './workflow.tokens';

/**
 * The engine's persistence, timers and service tasks (DESIGN §3). Needs TypeORM, BullMQ's
 * root config and ScheduleModule from the app. Optional collaborators come from global
 * modules: `UNIT_DIRECTORY` (identity), `WORKING_TIME` (calendar), `CLOCK`.
 */
@Module({
  imports: [
    BullModule.registerQueue({ name: JOBS_QUEUE }),
    MetricsModule,
    MulterModule.registerAsync({
      useFactory: () => ({ limits: { fileSize: workflowConfig().bpmnMaxBytes, files: 1 } }),
    }),
  ],
  controllers: [
    DefinitionController,
    InstanceController,
    TaskController,
    IncidentController,
    NotificationController,
    MigrationController,
    MessageController,
    SignalController,
    OperationsController,
    InboxEventsController,
    SavedFiltersController,
  ],
  providers: [
    { provide: WORKFLOW_CONFIG, useFactory: () => workflowConfig() },
    DefinitionsRepository,
    InstancesRepository,
    TasksRepository,
    InboxSubjects,
    SavedFiltersRepository,
    TaskCountsFolder,
    InstanceViewReader,
    UnitResolver,
    EffectRows,
    EffectWriter,
    InstanceChangeListeners,
    CommandExecutor,
    InboxEventsBus,
    InboxStreamTickets,
    InboxStreams,
    JobQueue,
    JobFailureRecorder,
    JobRunner,
    JobProcessor,
    JobReconciler,
    ServiceTaskRegistry,
    JobKindRegistry,
    JobScheduler,
    TimerStartScheduler,
    DeadlineJobsHandler,
    CallActivityListener,
    CallJobsHandler,
    MigrationRepository,
    InstanceMigrationService,
    MessageStartRepository,
    MessageCorrelationService,
    MessageSendListener,
    MessageSendHandler,
    SignalThrowListener,
    SignalJobsHandler,
    SignalBroadcastService,
    NotificationsRepository,
    NotificationService,
    BuiltinHandlers,
    DelegateTargetFinder,
    DeploymentService,
    OwnershipService,
    ProcessKeysRepository,
    RuntimeService,
    TaskService,
    CompletionOpinionService,
    OpinionsRepository,
    IncidentService,
    OperationsReader,
    ProcessFilesDeployer,
    WorkflowMetrics,
    ClaimedTasksRelease,
  ],
  exports: [
    OpinionsRepository,
    ProcessFilesDeployer,
    DeploymentService,
    OwnershipService,
    RuntimeService,
    TaskService,
    IncidentService,
    ServiceTaskRegistry,
    InstanceChangeListeners,
    InboxSubjects,
    JobReconciler,
    JobRunner,
    JobKindRegistry,
    JobScheduler,
    NotificationService,
  ],
})
export class WorkflowModule {}
