import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CLOCK, systemClock } from '../../../libs/common/src';
import { databaseOptions, redisOptions } from '../../../libs/database/src';
import { IdentityModule } from '../../../libs/identity/src';
import { WorkflowModule } from '../../../libs/workflow/src';
import { HealthController } from './health/health.controller';

/** The HTTP server; with RUN_WORKERS (default on) the same process also runs the BullMQ processors. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({ useFactory: () => ({ ...databaseOptions(), autoLoadEntities: true }) }),
    BullModule.forRootAsync({
      useFactory: () => ({ connection: redisOptions(), prefix: process.env.QUEUE_PREFIX ?? 'motcua' }),
    }),
    ScheduleModule.forRoot(),
    IdentityModule,
    WorkflowModule,
  ],
  controllers: [HealthController],
  providers: [{ provide: CLOCK, useValue: systemClock }],
})
export class AppModule {}
