import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
import { redisOptions } from '../../../database/src';

/**
 * Fixed-window counters in Redis (INCR + PEXPIRE on the first hit), so a limit holds across
 * every server process sharing the Redis (DESIGN §3: nothing may assume a single process).
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly redis = new Redis({ ...redisOptions(), lazyConnect: false });
  // Not the queue prefix: every process of one deployment must share the counters.
  private readonly prefix = `${process.env.THROTTLE_PREFIX ?? 'motcua'}:throttle:`;

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const name = this.prefix + key;
    const [[, hits], [, pttl]] = (await this.redis.multi().incr(name).pttl(name).exec()) as [[null, number], [null, number]];
    let left = pttl;
    if (left < 0) {
      await this.redis.pexpire(name, ttl);
      left = ttl;
    }
    const seconds = Math.ceil(left / 1000);
    return { totalHits: hits, timeToExpire: seconds, isBlocked: hits > limit, timeToBlockExpire: hits > limit ? seconds : 0 };
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
