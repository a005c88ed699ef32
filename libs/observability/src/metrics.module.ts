import { Module } from '@nestjs/common';
import { MetricsRegistry } from './metrics.registry';

/**
 * The process's one Prometheus registry, for the libraries that own a metric to register it themselves
 * (libs/workflow its engine and job gauges, libs/tracking the SMS outbox): observability knows no owner.
 */
@Module({ providers: [MetricsRegistry], exports: [MetricsRegistry] })
export class MetricsModule {}
