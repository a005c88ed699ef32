import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { WriteStatement } from '../persistence/write.statement';
import type { InstanceChange } from '../runtime/instance-change';
import { InstanceChangeListeners } from '../runtime/instance-change.listeners';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import { SIGNAL_BROADCAST, type SignalBroadcastPayload } from './signal-job.kinds';

/**
 * `signal.thrown` → a `signal.broadcast` job row in the throwing command's own statement, so the
 * broadcast happens if and only if the throw commits. The job finds the targets after commit.
 */
@Injectable()
export class SignalThrowListener implements OnModuleInit {
  constructor(
    private readonly listeners: InstanceChangeListeners,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  onModuleInit(): void {
    this.listeners.register((change, statement) => this.onChange(change, statement));
  }

  onChange(change: InstanceChange, st: WriteStatement): void {
    for (const effect of change.effects) {
      if (effect.type !== 'signal.thrown') continue;
      const id = randomUUID();
      const payload: SignalBroadcastPayload = { signalName: effect.signalName, variables: effect.variables };
      st.add(`INSERT INTO jobs (id, instance_id, kind, element_id, topic, due_at, status, max_attempts, payload, created_at, updated_at)
        VALUES (${st.param(id, '::uuid')}, ${st.param(change.instanceId, '::uuid')}, '${SIGNAL_BROADCAST}', 'signal', ${st.param(effect.signalName)},
          ${st.param(change.at, '::timestamptz')}, 'pending', ${st.param(this.config.jobMaxAttempts, '::int')}, ${st.json(payload)},
          ${st.param(change.at, '::timestamptz')}, ${st.param(change.at, '::timestamptz')})`);
      (change.enqueue ??= []).push({ id, dueAt: change.at });
    }
  }
}
