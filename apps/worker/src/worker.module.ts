import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions, redisOptions } from '../../../libs/database/src';
import { IdentityModule } from '../../../libs/identity/src';
import { ClockModule } from '../../../libs/common/src';
import { DEADLINE_CALCULATOR, WORKING_TIME, WorkflowModule } from '../../../libs/workflow/src';
import { WorktimeModule } from '../../../libs/worktime/src';
import { DossiersModule } from '../../../libs/dossiers/src';

/**
 * The scale-out worker (DESIGN §1): the same Postgres, Redis and queue prefix as the server,
 * no HTTP. WorkflowModule's processor and reconciler do the work; IdentityModule provides
 * `UNIT_DIRECTORY` for the tasks a job creates.
 */
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
    WorktimeModule.providing(DEADLINE_CALCULATOR, WORKING_TIME),
    // Engine commands run here too (timers, service tasks): the dossier status projection must join them.
    DossiersModule,
  ],
})
export class WorkerModule {}
