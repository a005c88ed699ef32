import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsModule } from './metrics.module';

/**
 * Prometheus `/metrics` for the HTTP server; the HTTP histogram middleware is added by the app factory.
 * The metrics themselves are registered by the libraries that own them, through `MetricsModule`.
 */
@Module({
  imports: [MetricsModule],
  controllers: [MetricsController],
  exports: [MetricsModule],
})
export class ObservabilityModule {}
