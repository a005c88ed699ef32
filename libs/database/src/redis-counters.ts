import Redis from 'ioredis';
import { setting } from '../../config/src';
import { redisOptions, reportRedisErrors } from './redis.config';

/**
 * Adds ARGV[2] (1 a hit, -1 a refund, 0 a read) and starts the window on the first hit; answers
 * the count and the window's milliseconds left. A read of a missing key leaves nothing behind.
 */
const HIT = `
  local hits = redis.call('INCRBY', KEYS[1], ARGV[2])
  if hits == 0 and tonumber(ARGV[2]) == 0 then redis.call('DEL', KEYS[1]); return { 0, 0 } end
  if hits == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
  local left = redis.call('PTTL', KEYS[1])
  if left < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); left = tonumber(ARGV[1]) end
  return { hits, left }`;

type CountingRedis = Redis & {
  throttleHit(key: string, windowMs: number, increment: number): Promise<[number, number]>;
};

/** A counter's value and how long its window still runs. */
export interface WindowCount {
  hits: number;
  msLeft: number;
}

/** The key prefix every process of one deployment shares (not the queue prefix). */
export function throttlePrefix(env: NodeJS.ProcessEnv = process.env): string {
  return `${setting('THROTTLE_PREFIX', env)}:throttle:`;
}

/**
 * Fixed-window counters in Redis, so a limit holds across every server process sharing the Redis
 * (DESIGN §3: nothing may assume a single process). One script call per operation (atomic: a
 * window cannot be left without an expiry), and auto-pipelining puts the calls of requests
 * arriving together in one write. The public lookup's limiter and the login throttle both count
 * here.
 */
export class RedisCounters {
  private readonly redis: CountingRedis;

  /** `lazyConnect`: a process that never counts (the worker) never connects. */
  constructor(
    readonly prefix = throttlePrefix(),
    options: { lazyConnect?: boolean } = {},
  ) {
    const redis = new Redis({
      ...redisOptions(),
      lazyConnect: options.lazyConnect ?? false,
      enableAutoPipelining: true,
    });
    reportRedisErrors(redis, 'rate-limit counters');
    redis.defineCommand('throttleHit', { numberOfKeys: 1, lua: HIT });
    this.redis = redis as CountingRedis;
  }

  /** Counts one; the window of `windowMs` starts with the first. */
  hit(key: string, windowMs: number): Promise<WindowCount> {
    return this.add(key, windowMs, 1);
  }

  /** Takes back a hit that turned out not to count. */
  refund(key: string): Promise<WindowCount> {
    return this.add(key, 60_000, -1);
  }

  /** The count without changing it (0 when there is none). */
  read(key: string): Promise<WindowCount> {
    return this.add(key, 1, 0);
  }

  async clear(...keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((key) => this.prefix + key));
  }

  /** Clears every counter whose key starts with `start` (SCAN: for rare administrative resets). */
  async clearStartingWith(start: string): Promise<number> {
    const pattern = `${this.prefix}${start}`.replace(/[*?[\]\\]/g, (c) => `\\${c}`) + '*';
    let cursor = '0';
    let cleared = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) cleared += await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    return cleared;
  }

  async close(): Promise<void> {
    if (this.redis.status === 'wait') this.redis.disconnect();
    else await this.redis.quit().catch(() => undefined);
  }

  private async add(key: string, windowMs: number, increment: number): Promise<WindowCount> {
    const [hits, msLeft] = await this.redis.throttleHit(this.prefix + key, windowMs, increment);
    return { hits, msLeft };
  }
}
