import { Module } from '@nestjs/common';
import { ReportsModule } from '../../../libs/reports/src';
import { TrackingModule } from '../../../libs/tracking/src';
import { coreModules } from './core.modules';
import { HealthController } from './health/health.controller';

/** The HTTP server; with RUN_WORKERS (default on) the same process also runs the BullMQ processors. */
@Module({
  imports: [...coreModules(), ReportsModule, TrackingModule],
  controllers: [HealthController],
})
export class AppModule {}
