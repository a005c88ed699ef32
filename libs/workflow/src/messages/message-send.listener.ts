import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { WriteStatement } from '../persistence/write.statement';
import type { InstanceChange } from '../runtime/instance-change';
import { InstanceChangeListeners } from '../runtime/instance-change.listeners';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';

/** Job kind: a message a send task sent, to correlate after the sender's command commits. */
export const MESSAGE_SEND = 'message.send';

/** `message.send` (on the sender): the message, and the sender's business key and unit to correlate with. */
export interface MessageSendPayload {
  messageName: string;
  variables: Record<string, unknown>;
  businessKey: string | null;
  unitCode: string;
}

/**
 * `message.sent` (a send task with a `messageRef`, issue 21 #6) → a `message.send` job row in the
 * sending command's own statement: the message goes out if and only if the send commits.
 */
@Injectable()
export class MessageSendListener implements OnModuleInit {
  constructor(
    private readonly listeners: InstanceChangeListeners,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  onModuleInit(): void {
    this.listeners.register((change, statement) => this.onChange(change, statement));
  }

  onChange(change: InstanceChange, st: WriteStatement): void {
    for (const effect of change.effects) {
      if (effect.type !== 'message.sent') continue;
      const id = randomUUID();
      const payload: MessageSendPayload = {
        messageName: effect.messageName,
        variables: effect.variables,
        businessKey: change.businessKey,
        unitCode: change.unitCode,
      };
      st.add(`INSERT INTO jobs (id, instance_id, kind, element_id, topic, due_at, status, max_attempts, payload, created_at, updated_at)
        VALUES (${st.param(id, '::uuid')}, ${st.param(change.instanceId, '::uuid')}, '${MESSAGE_SEND}', ${st.param(effect.elementId)}, ${st.param(effect.messageName)},
          ${st.param(change.at, '::timestamptz')}, 'pending', ${st.param(this.config.jobMaxAttempts, '::int')}, ${st.json(payload)},
          ${st.param(change.at, '::timestamptz')}, ${st.param(change.at, '::timestamptz')})`);
      (change.enqueue ??= []).push({ id, dueAt: change.at });
    }
  }
}
