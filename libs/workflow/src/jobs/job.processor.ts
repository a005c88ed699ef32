import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { JOBS_QUEUE } from '../workflow.tokens';
import type { JobMessage } from './job.queue';
import { JobRunner } from './job.runner';
import { reportRedisErrors } from '../../../database/src/redis.config';

/**
 * The BullMQ side of jobs. The worker is created idle (`autorun: false`) and started only in
 * processes that run workers (`RUN_WORKERS`, always in apps/worker), decided at boot rather
 * than at import so tests and deployments can choose per process.
 */
@Processor(JOBS_QUEUE, { autorun: false })
export class JobProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobProcessor.name);
  private started = false;

  constructor(
    private readonly runner: JobRunner,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Idle or not, the worker holds a connection: its errors are logged as JSON, not printed raw.
    reportRedisErrors(this.worker, 'job worker');
    if (!this.config.runWorkers) return;
    this.worker.concurrency = this.config.jobConcurrency;
    this.started = true;
    this.worker.run().catch((error) => this.logger.error(`job worker stopped: ${String(error)}`));
  }

  /** Lets running jobs finish while the database is still open (TypeORM closes on shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.started) await this.worker.close();
  }

  async process(job: Job<JobMessage>, token?: string): Promise<void> {
    const outcome = await this.runner.run(job.data.jobId);
    if (outcome.kind === 'retry') {
      // Same BullMQ entry, delayed to the backoff time: a new add would be ignored while this one is active.
      await job.moveToDelayed(outcome.at.getTime(), token);
      throw new DelayedError();
    }
  }
}
