import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { JobQueue } from './job.queue';

const BATCH = 1000;
/** Rows per `addBulk` while restoring after a flush. */
const RESTORE_BATCH = 2000;
const INTERVAL_NAME = 'workflow-job-reconciler';
/** How long one process may hold the restore before another takes over (it renews it per batch). */
const RESTORE_LOCK_MS = 60_000;

/**
 * Keeps BullMQ in step with the `jobs` table, the truth (DESIGN §3), on every process running workers:
 * - each pass re-adds pending jobs that are due and running jobs whose lock expired;
 * - a sentinel key in Redis tells whether Redis still holds what was put there. When it is
 *   missing (first start, a flush, a Redis restart without persistence) one process restores
 *   every pending job, future timers included, in batches, then sets the sentinel.
 * Adding an entry that exists is a no-op (jobId = row id) and the row claim makes a second
 * delivery harmless, so any number of processes may reconcile at once.
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobReconciler.name);
  private readonly owner = randomUUID();
  private running = false;
  private stopped = false;
  private handle?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly schedules: SchedulerRegistry,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    this.handle = setInterval(() => void this.tick(), this.config.reconcileIntervalMs);
    this.handle.unref();
    this.schedules.addInterval(INTERVAL_NAME, this.handle);
    void this.tick();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.schedules.doesExist('interval', INTERVAL_NAME)) this.schedules.deleteInterval(INTERVAL_NAME);
    if (this.handle) clearInterval(this.handle);
  }

  /** One pass; returns how many jobs were (re-)offered to BullMQ. */
  async reconcileNow(): Promise<number> {
    const restored = await this.restoreIfFlushed();
    const rows: { id: string; due_at: Date }[] = await this.dataSource.query(
      `(SELECT id, due_at FROM jobs WHERE status = 'pending' AND due_at <= now() ORDER BY due_at LIMIT ${BATCH})
       UNION ALL
       (SELECT id, due_at FROM jobs WHERE status = 'running' AND locked_until < now() ORDER BY locked_until LIMIT ${BATCH})`,
    );
    await this.queue.enqueue(
      rows.map((row) => ({ id: row.id, dueAt: row.due_at })),
      { throwOnError: true },
    );
    return restored + rows.length;
  }

  /**
   * Restores every pending job when the sentinel is gone; returns how many were offered. The
   * process that wins the lock restores; the others go on (their next pass checks again).
   */
  async restoreIfFlushed(): Promise<number> {
    const redis = this.queue.redis;
    const keys = this.queue.keys;
    if (await redis.exists(keys.sentinel)) return 0;
    const won = await redis.set(keys.restoreLock, this.owner, 'PX', RESTORE_LOCK_MS, 'NX');
    if (won !== 'OK') return 0;
    let offered = 0;
    try {
      const started = Date.now();
      // Keyset pages over the pending index; the cursor keeps Postgres's microseconds (a JS Date would drop them).
      let after: { cursor: string; id: string } | null = null;
      for (;;) {
        const rows: { id: string; due_at: Date; cursor: string }[] = await this.dataSource.query(
          after
            ? `SELECT id, due_at, due_at::text AS cursor FROM jobs WHERE status = 'pending' AND (due_at, id) > ($1::timestamptz, $2::uuid)
               ORDER BY due_at, id LIMIT ${RESTORE_BATCH}`
            : `SELECT id, due_at, due_at::text AS cursor FROM jobs WHERE status = 'pending' ORDER BY due_at, id LIMIT ${RESTORE_BATCH}`,
          after ? [after.cursor, after.id] : [],
        );
        if (!rows.length) break;
        await this.queue.enqueue(
          rows.map((row) => ({ id: row.id, dueAt: row.due_at })),
          { throwOnError: true },
        );
        offered += rows.length;
        after = rows[rows.length - 1];
        await redis.pexpire(keys.restoreLock, RESTORE_LOCK_MS);
      }
      await redis.set(keys.sentinel, new Date().toISOString());
      if (offered)
        this.logger.warn(`Redis had lost its jobs: restored ${offered} pending job(s) in ${Date.now() - started} ms`);
      return offered;
    } finally {
      // Release only our own lock (a slow restore may have lost it to another process).
      await redis.eval(
        `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`,
        1,
        keys.restoreLock,
        this.owner,
      );
    }
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      const count = await this.reconcileNow();
      if (count) this.logger.debug(`re-offered ${count} job(s)`);
    } catch (error) {
      this.logger.warn(`reconcile failed: ${String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
