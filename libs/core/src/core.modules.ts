import { BullModule } from '@nestjs/bullmq';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../common/src';
import { databaseOptions, initializeGuarded, redisOptions } from '../../database/src';
import { DossiersModule } from '../../dossiers/src';
import { IdentityModule } from '../../identity/src';
import { WORKING_TIME, WorkflowModule } from '../../workflow/src';
import { WorktimeModule } from '../../worktime/src';
import { setting } from '../../config/src';
import type { ConnectionOptions } from 'bullmq';

/**
 * What every process that runs engine commands needs, the server and the scale-out worker alike:
 * one Postgres, one Redis and queue prefix, the clock, units, the engine's persistence, the
 * working-day calendar for deadlines, and the dossier status projection that joins each command.
 */
export function coreModules() {
  return [
    TypeOrmModule.forRootAsync({
      useFactory: () => ({ ...databaseOptions(), autoLoadEntities: true }),
      // Every pool connection gets an error listener: a Postgres restart never ends the process.
      dataSourceFactory: (options) => initializeGuarded(options ?? databaseOptions()),
    }),
    BullModule.forRootAsync({
      // The same options as every other Redis connection (TLS, credentials, Sentinel); bullmq types them apart from ioredis.
      useFactory: () => ({ connection: redisOptions() as ConnectionOptions, prefix: setting('QUEUE_PREFIX') }),
    }),
    ScheduleModule.forRoot(),
    ClockModule,
    IdentityModule,
    WorkflowModule,
    // Step deadlines and `mc:workingTime` timers count working time through the calendar.
    WorktimeModule.providing(WORKING_TIME),
    DossiersModule,
  ];
}
