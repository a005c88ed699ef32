import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { JobToEnqueue } from '../persistence/command.tx';
import { JOBS_QUEUE } from '../workflow.tokens';
import { reportRedisErrors } from '../../../database/src/redis.config';

/** BullMQ payload: only the row id; the `jobs` row is the truth (DESIGN §3). */
export interface JobMessage {
  jobId: string;
}

/**
 * Puts job rows on BullMQ as delayed jobs whose BullMQ jobId is the row id, so adding the
 * same job twice is a no-op. Finished entries are removed at once, so a later re-add (a retry
 * after an incident, the reconciler after a Redis flush) is never blocked by an old entry.
 */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly logger = new Logger(JobQueue.name);
  private plainRedis?: Redis;
  /** Jobs of commands committed in this tick, sent together on the next one. */
  private batch?: { jobs: JobToEnqueue[]; sent: Promise<void> };

  constructor(@InjectQueue(JOBS_QUEUE) private readonly queue: Queue<JobMessage>) {
    reportRedisErrors(queue, 'job queue');
  }

  /**
   * Never throws (unless asked): a job that did not reach Redis is re-added by the reconciler.
   * Commands committing in the same tick share one `addBulk` (one Redis round trip); the promise
   * settles once their batch was sent. With `throwOnError` (the reconciler) the add is its own.
   */
  async enqueue(jobs: readonly JobToEnqueue[], options: { throwOnError?: boolean } = {}): Promise<void> {
    if (!jobs.length) return;
    if (options.throwOnError) return this.add(jobs);
    if (!this.batch) {
      const batch: JobToEnqueue[] = [];
      this.batch = { jobs: batch, sent: new Promise((resolve) => setImmediate(() => this.send(batch).then(resolve))) };
    }
    this.batch.jobs.push(...jobs);
    return this.batch.sent;
  }

  private async send(jobs: readonly JobToEnqueue[]): Promise<void> {
    this.batch = undefined;
    await this.add(jobs).catch((error) =>
      this.logger.warn(`Could not enqueue ${jobs.length} job(s); the reconciler will: ${String(error)}`),
    );
  }

  private async add(jobs: readonly JobToEnqueue[]): Promise<void> {
    const now = Date.now();
    await this.queue.addBulk(
      jobs.map((job) => ({
        name: 'job',
        data: { jobId: job.id },
        opts: {
          jobId: job.id,
          delay: Math.max(0, job.dueAt.getTime() - now),
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  /** Best effort: drops the BullMQ entries of cancelled jobs (a stale entry would be a no-op anyway); they never have children. */
  async remove(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.queue.remove(id, { removeChildren: false }).catch(() => 0)));
  }

  /** Redis keys of the reconciler, next to the queue's own (so a flush of the queue's Redis clears them too). */
  get keys(): { sentinel: string; restoreLock: string } {
    const base = `${this.queue.opts.prefix ?? 'bull'}:${this.queue.name}`;
    return { sentinel: `${base}:reconciled`, restoreLock: `${base}:restoring` };
  }

  /** A plain connection to the queue's Redis server and db, for the reconciler's own keys (created on first use). */
  get redis(): Redis {
    this.plainRedis ??= reportRedisErrors(
      new Redis({ ...(this.queue.opts.connection as RedisOptions), maxRetriesPerRequest: null }),
      'reconciler',
    );
    return this.plainRedis;
  }

  async onModuleDestroy(): Promise<void> {
    await this.plainRedis?.quit().catch(() => undefined);
  }

  /** The raw queue, for tests that simulate a lost Redis entry. */
  get bullQueue(): Queue<JobMessage> {
    return this.queue;
  }
}
