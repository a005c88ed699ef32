import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AppError } from '../../../common/src';
import { JobKindRegistry } from '../jobs/job-kind.registry';
import { instanceForJob, outcomeOf } from '../jobs/job-command';
import { finishJob } from '../jobs/job-ownership';
import { WorkflowCommands } from '../commands/workflow.commands';
import type { ClaimedJob, JobOutcome } from '../jobs/job.row';
import type { CommandTx } from '../persistence/command.tx';
import { InstancesRepository } from '../persistence/instances.repository';
import { CommandExecutor } from '../runtime/command.executor';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { fanOutSignal } from './signal-fan-out';
import {
  SIGNAL_BROADCAST,
  SIGNAL_DELIVER,
  type SignalBroadcastPayload,
  type SignalDeliverPayload,
} from './signal-job.kinds';

/**
 * Runs signal jobs. `signal.broadcast` finishes itself and writes the `signal.deliver` rows in
 * one transaction (a redelivery finds the row no longer ours and writes nothing). `signal.deliver`
 * is an `Engine.signal` command on its target whose write also finishes the job, so it applies
 * once; a target that no longer waits (or no longer runs) just finishes it.
 */
@Injectable()
export class SignalJobsHandler implements OnModuleInit {
  constructor(
    private readonly kinds: JobKindRegistry,
    private readonly executor: CommandExecutor,
    private readonly instances: InstancesRepository,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  onModuleInit(): void {
    this.kinds.register(SIGNAL_BROADCAST, (job, workerId) => this.broadcast(job, workerId));
    this.kinds.register(SIGNAL_DELIVER, (job, workerId) => this.deliver(job, workerId));
  }

  private broadcast(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const payload = job.payload as unknown as SignalBroadcastPayload;
    return this.executor.transaction(async (tx) => {
      if (!(await this.finish(tx, job, workerId))) return { kind: 'skipped' } as const;
      await fanOutSignal(tx, payload, job.instance_id, this.config.jobMaxAttempts);
      return { kind: 'done' } as const;
    });
  }

  private async deliver(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const payload = job.payload as unknown as SignalDeliverPayload;
    try {
      const change = await this.executor.execute(null, async (sql, attempt) => {
        const instance = await instanceForJob(sql, this.instances, job, attempt, workerId);
        if (!instance) throw new TargetGone();
        return {
          instance,
          command: WorkflowCommands.deliverSignal(job.id, workerId, payload.signalName, payload.variables),
        };
      });
      return outcomeOf(change);
    } catch (error) {
      // It stopped waiting between the broadcast and now: a signal is not kept for later (BPMN 2.0 §10.5.1).
      if (error instanceof TargetGone || (error instanceof AppError && error.code === 'SIGNAL_NOT_CAUGHT')) {
        await this.executor.transaction((tx) => this.finish(tx, job, workerId));
        return { kind: 'done' };
      }
      throw error;
    }
  }

  private finish(tx: CommandTx, job: ClaimedJob, workerId: string): Promise<boolean> {
    return finishJob(tx, job.id, workerId);
  }
}

/** The target no longer runs, or the job was taken over. */
class TargetGone extends Error {}
