import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { RedisCounters } from '../../../database/src';

/**
 * The throttler's storage on the shared Redis counters, so a limit holds across every server
 * process: one script call per request, auto-pipelined, the public lookup's only Redis round trip
 * (bench/RESULTS.md). Also lends its counters to the SMS secret guard.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  readonly counters = new RedisCounters();

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const { hits, msLeft } = await this.counters.hit(key, ttl);
    const seconds = Math.ceil(msLeft / 1000);
    return {
      totalHits: hits,
      timeToExpire: seconds,
      isBlocked: hits > limit,
      timeToBlockExpire: hits > limit ? seconds : 0,
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.counters.close();
  }
}
