import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/src';
import { InstancesRepository } from '../persistence/instances.repository';
import { CommandExecutor } from '../runtime/command.executor';
import { RuntimeService } from '../services/runtime.service';
import type { WorkflowActor } from '../services/workflow.actor';
import { MessageStartRepository } from './message-start.repository';

/** What a message did: woke a waiting instance, or started a new one. */
export interface MessageOutcome {
  outcome: 'correlated' | 'started';
  instanceId: string;
}

/**
 * Delivers a message from outside (Camunda's `MessageCorrelationBuilder.correlate`): first to
 * the instance of the business key that waits for it, else to the message start event of the
 * latest version of a deployed process. A message names one target: several candidates are a
 * 409, not a broadcast (signals broadcast).
 */
@Injectable()
export class MessageCorrelationService {
  constructor(
    private readonly runtime: RuntimeService,
    private readonly executor: CommandExecutor,
    private readonly instances: InstancesRepository,
    private readonly starts: MessageStartRepository,
  ) {}

  async deliver(
    messageName: string,
    input: { businessKey?: string; variables?: Record<string, unknown> },
    actor: WorkflowActor,
  ): Promise<MessageOutcome> {
    const { businessKey, variables } = input;
    if (businessKey !== undefined) {
      const waiting = await this.instances.idsWaitingFor(this.executor.sql, businessKey, messageName);
      if (waiting.length > 0) {
        const change = await this.runtime.correlateMessage({ businessKey }, messageName, variables, actor);
        return { outcome: 'correlated', instanceId: change.instanceId };
      }
    }
    const keys = await this.starts.keysStartedBy(this.executor.sql, messageName);
    if (keys.length > 1) {
      throw AppError.conflict(
        'MESSAGE_START_AMBIGUOUS',
        `Processes ${keys.join(', ')} all start on message "${messageName}"`,
        { keys },
      );
    }
    if (keys.length === 0) {
      const where = businessKey === undefined ? '' : ` and no instance of "${businessKey}" waits for it`;
      throw AppError.notFound(
        'MESSAGE_NOT_CORRELATED',
        `No deployed process starts on message "${messageName}"${where}`,
      );
    }
    const change = await this.runtime.start(keys[0], { businessKey, variables, messageName }, actor);
    return { outcome: 'started', instanceId: change.instanceId };
  }
}
