import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { JobQueue } from './job.queue';

const BATCH = 1000;
const INTERVAL_NAME = 'workflow-job-reconciler';

/**
 * Re-adds to BullMQ every job that should have run by now: pending and due, or running with
 * an expired lock. Adding an entry that still exists is a no-op, and the row claim makes a
 * second delivery harmless, so any number of processes may reconcile at once. A flushed
 * future timer is re-added when it falls due (at most one interval late).
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobReconciler.name);
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
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.schedules.doesExist('interval', INTERVAL_NAME)) this.schedules.deleteInterval(INTERVAL_NAME);
    if (this.handle) clearInterval(this.handle);
  }

  /** One pass; returns how many jobs were (re-)offered to BullMQ. */
  async reconcileNow(): Promise<number> {
    const rows: { id: string; due_at: Date }[] = await this.dataSource.query(
      `(SELECT id, due_at FROM jobs WHERE status = 'pending' AND due_at <= now() ORDER BY due_at LIMIT ${BATCH})
       UNION ALL
       (SELECT id, due_at FROM jobs WHERE status = 'running' AND locked_until < now() ORDER BY locked_until LIMIT ${BATCH})`,
    );
    await this.queue.enqueue(rows.map((row) => ({ id: row.id, dueAt: row.due_at })));
    return rows.length;
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
