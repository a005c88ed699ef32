import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { JOBS_QUEUE, WorkflowModule } from '../../workflow/src';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';
import { WorkflowMetrics } from './workflow-metrics';

/** Prometheus `/metrics` for the HTTP server; the HTTP histogram middleware is added by the app factory. */
@Module({
  imports: [WorkflowModule, BullModule.registerQueue({ name: JOBS_QUEUE })],
  controllers: [MetricsController],
  providers: [MetricsRegistry, WorkflowMetrics],
  exports: [MetricsRegistry],
})
export class ObservabilityModule {}
