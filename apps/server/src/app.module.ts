import { Module } from '@nestjs/common';
import { ObservabilityModule } from '../../../libs/observability/src';
import { FilesModule, StepAttachmentsModule } from '../../../libs/files/src';
import { PaymentsModule } from '../../../libs/payments/src';
import { ReportsModule } from '../../../libs/reports/src';
import { OnlineModule } from '../../../libs/online/src';
import { TrackingModule } from '../../../libs/tracking/src';
import { IdempotencyModule } from '../../../libs/workflow/src';
import { coreModules } from '../../../libs/core/src';
import { HealthController } from './health/health.controller';
import { DeploymentWarningsController } from './deployment-warnings.controller';

/** The HTTP server; with RUN_WORKERS (default on) the same process also runs the BullMQ processors. */
@Module({
  imports: [
    ...coreModules(),
    FilesModule,
    StepAttachmentsModule,
    ReportsModule,
    PaymentsModule,
    TrackingModule,
    OnlineModule,
    ObservabilityModule,
    IdempotencyModule,
  ],
  controllers: [HealthController, DeploymentWarningsController],
})
export class AppModule {}
