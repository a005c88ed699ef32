import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { CitizensModule } from '../../citizens/src';
import { DossiersModule } from '../../dossiers/src';
import { FilesModule } from '../../files/src';
import { PaymentsModule } from '../../payments/src';
import { AdminRatingCriteriaController } from './controllers/admin-rating-criteria.controller';
import { CitizenDossiersController } from './controllers/citizen-dossiers.controller';
import { PublicLookupController } from './controllers/public-lookup.controller';
import { PublicPaymentsController } from './controllers/public-payments.controller';
import { PublicRatingsController } from './controllers/public-ratings.controller';
import { PublicReceiptController } from './controllers/public-receipt.controller';
import { PublicResultsController } from './controllers/public-results.controller';
import { PublicStatsController } from './controllers/public-stats.controller';
import { SmsInboundController } from './controllers/sms-inbound.controller';
import { SmsOutboxAdminController } from './controllers/sms-outbox-admin.controller';
import { SmsOutboxAdminRepository } from './repositories/sms-outbox-admin.repository';
import { RatingsRepository } from './repositories/ratings.repository';
import { TrackingRepository } from './repositories/tracking.repository';
import { CitizenDossiersService } from './services/citizen-dossiers.service';
import { PublicLookupService } from './services/public-lookup.service';
import { PublicStatsService } from './services/public-stats.service';
import { RatingsService } from './services/ratings.service';
import { SmsInboundService } from './services/sms-inbound.service';
import { MetricsModule } from '../../observability/src';
import { SmsOutboxMetrics } from './sms/sms-outbox.metrics';
import { SignInCodeWriter } from './sms/sign-in-code.writer';
import { SmsOutboxSender } from './sms/sms-outbox.sender';
import { SMS_PROVIDER, smsProviderFromEnv } from './sms/sms.provider';
import { RedisThrottlerStorage } from './throttle/redis-throttler.storage';
import { setting } from '../../config/src';

const MINUTE = 60_000;

/** One Redis connection for the counters (the limiters' and the SMS secret guard's), closed with the app. */
@Module({ providers: [RedisThrottlerStorage], exports: [RedisThrottlerStorage] })
class ThrottleStorageModule {}

/** Tracking channels (DESIGN §5): public lookup, SMS in and out, the provincial aggregate, satisfaction ratings (ADR 0030). */
@Module({
  imports: [
    CitizensModule,
    DossiersModule,
    FilesModule,
    PaymentsModule,
    MetricsModule,
    ThrottleStorageModule,
    ThrottlerModule.forRootAsync({
      useFactory: (storage: RedisThrottlerStorage) => ({
        throttlers: [
          { name: 'lookup', ttl: MINUTE, limit: setting('LOOKUP_RATE_LIMIT') },
          { name: 'sms', ttl: MINUTE * 60, limit: setting('SMS_RATE_LIMIT') },
        ],
        storage,
      }),
      imports: [ThrottleStorageModule],
      inject: [RedisThrottlerStorage],
    }),
  ],
  controllers: [
    PublicLookupController,
    PublicReceiptController,
    SmsInboundController,
    PublicStatsController,
    PublicResultsController,
    PublicPaymentsController,
    SmsOutboxAdminController,
    CitizenDossiersController,
    PublicRatingsController,
    AdminRatingCriteriaController,
  ],
  providers: [
    TrackingRepository,
    SmsOutboxAdminRepository,
    RatingsRepository,
    RatingsService,
    PublicLookupService,
    CitizenDossiersService,
    SmsInboundService,
    PublicStatsService,
    SmsOutboxSender,
    SmsOutboxMetrics,
    SignInCodeWriter,
    { provide: SMS_PROVIDER, useFactory: smsProviderFromEnv },
  ],
})
export class TrackingModule {}
