import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
import { redisOptions } from '../../../database/src';

/** Counts a hit and starts the window on the first one; answers the hits and the window's milliseconds left. */
const HIT = `
  local hits = redis.call('INCR', KEYS[1])
  if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
  local left = redis.call('PTTL', KEYS[1])
  if left < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); left = tonumber(ARGV[1]) end
  return { hits, left }`;

type CountingRedis = Redis & { throttleHit(key: string, ttlMs: number): Promise<[number, number]> };

/**
 * Fixed-window counters in Redis, so a limit holds across every server process sharing the Redis
 * (DESIGN §3: nothing may assume a single process). One script call per request (atomic: the
 * window cannot be left without an expiry), and auto-pipelining puts the calls of requests
 * arriving together in one write: the public lookup's only Redis round trip (bench/RESULTS.md).
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly redis: CountingRedis;
  // Not the queue prefix: every process of one deployment must share the counters.
  private readonly prefix = `${process.env.THROTTLE_PREFIX ?? 'motcua'}:throttle:`;

  constructor() {
    const redis = new Redis({ ...redisOptions(), lazyConnect: false, enableAutoPipelining: true });
    redis.defineCommand('throttleHit', { numberOfKeys: 1, lua: HIT });
    this.redis = redis as CountingRedis;
  }

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const [hits, left] = await this.redis.throttleHit(this.prefix + key, ttl);
    const seconds = Math.ceil(left / 1000);
    return { totalHits: hits, timeToExpire: seconds, isBlocked: hits > limit, timeToBlockExpire: hits > limit ? seconds : 0 };
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
