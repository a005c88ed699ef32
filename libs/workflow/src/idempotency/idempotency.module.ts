import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyKeysPurger } from './idempotency-keys.purger';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

/** `Idempotency-Key` on every authenticated POST of the HTTP server, and the hourly purge of old keys. */
@Module({
  providers: [
    IdempotencyKeysRepository,
    IdempotencyKeysPurger,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
