import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../../libs/common/src';
import { databaseOptions, redisOptions } from '../../../libs/database/src';
import { IdentityModule } from '../../../libs/identity/src';
import { DEADLINE_CALCULATOR, WORKING_TIME, WorkflowModule } from '../../../libs/workflow/src';
import { WorktimeModule } from '../../../libs/worktime/src';
import { DossiersModule } from '../../../libs/dossiers/src';
import { TrackingModule } from '../../../libs/tracking/src';
import { ReportsModule } from '../../../libs/reports/src';
import { HealthController } from './health/health.controller';

/** The HTTP server; with RUN_WORKERS (default on) the same process also runs the BullMQ processors. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({ useFactory: () => ({ ...databaseOptions(), autoLoadEntities: true }) }),
    BullModule.forRootAsync({
      useFactory: () => ({ connection: redisOptions(), prefix: process.env.QUEUE_PREFIX ?? 'motcua' }),
    }),
    ScheduleModule.forRoot(),
    ClockModule,
    IdentityModule,
    WorkflowModule,
    // Step deadlines and `mc:workingTime` timers count working time through the calendar.
    WorktimeModule.providing(DEADLINE_CALCULATOR, WORKING_TIME),
    DossiersModule,
    ReportsModule,
    TrackingModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
