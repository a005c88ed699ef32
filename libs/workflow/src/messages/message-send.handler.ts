import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobFailureRecorder } from '../jobs/job-failure.recorder';
import { JobKindRegistry } from '../jobs/job-kind.registry';
import { finishJob } from '../jobs/job-ownership';
import type { ClaimedJob, JobOutcome } from '../jobs/job.row';
import { InstancesRepository } from '../persistence/instances.repository';
import { CommandExecutor } from '../runtime/command.executor';
import { RuntimeService } from '../services/runtime.service';
import { MessageStartRepository } from './message-start.repository';
import { MESSAGE_SEND, type MessageSendPayload } from './message-send.listener';

/**
 * Runs `message.send`: the message a send task sent is correlated as `POST /api/messages` would
 * correlate it (message-correlation.service.ts): the instance of the sender's business key that
 * waits for it, else the one process that starts on it, started with that business key in the
 * sender's unit. Finishing the job and delivering are one transaction, so it is delivered once.
 * A message that reaches nobody (or two processes) is an incident on the sender, retryable once
 * a receiver waits.
 */
@Injectable()
export class MessageSendHandler implements OnModuleInit {
  constructor(
    private readonly kinds: JobKindRegistry,
    private readonly executor: CommandExecutor,
    private readonly runtime: RuntimeService,
    private readonly instances: InstancesRepository,
    private readonly starts: MessageStartRepository,
    private readonly failures: JobFailureRecorder,
  ) {}

  onModuleInit(): void {
    this.kinds.register(MESSAGE_SEND, (job, workerId) => this.send(job, workerId));
  }

  private async send(job: ClaimedJob, workerId: string): Promise<JobOutcome> {
    const { messageName, variables, businessKey, unitCode } = job.payload as unknown as MessageSendPayload;
    const actor = { username: null, unitCode };
    const waiting = businessKey ? await this.instances.idsWaitingFor(this.executor.sql, businessKey, messageName) : [];
    const keys = waiting.length > 0 ? [] : await this.starts.keysStartedBy(this.executor.sql, messageName);
    if (waiting.length === 0 && keys.length !== 1) {
      return keys.length > 1
        ? this.failures.incident(
            job,
            workerId,
            'MESSAGE_START_AMBIGUOUS',
            `Processes ${keys.join(', ')} all start on message "${messageName}"`,
          )
        : this.failures.incident(
            job,
            workerId,
            'MESSAGE_NOT_CORRELATED',
            `Message "${messageName}" reached no instance${businessKey ? ` of "${businessKey}"` : ''} and no process starts on it`,
          );
    }
    return this.executor.transaction(async (tx) => {
      if (!(await finishJob(tx, job.id, workerId))) return { kind: 'skipped' } as const;
      if (waiting.length > 0 && businessKey) {
        await this.runtime.correlateMessage({ businessKey }, messageName, variables, actor, { tx });
      } else {
        await this.runtime.start(keys[0], { businessKey: businessKey ?? undefined, variables, messageName }, actor, {
          tx,
        });
      }
      return { kind: 'done' } as const;
    });
  }
}
