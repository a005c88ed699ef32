import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { WriteStatement } from '../persistence/write.statement';
import type { Effect } from '../runtime/engine.port';
import { AFTER_INSTANCE } from '../runtime/effect.writer';
import type { InstanceChange } from '../runtime/instance-change';
import { InstanceChangeListeners } from '../runtime/instance-change.listeners';
import { WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow.config';
import {
  CALL_CANCEL,
  CALL_COMPLETE,
  CALL_ESCALATE,
  CALL_FAIL,
  CALL_START,
  type CallStartPayload,
} from './call-job.kinds';

/**
 * Turns call-activity effects into job rows written in the command's own statement, so they
 * commit with it (crash-safe, nothing started twice): `call.started` → a `call.start` job whose
 * id is the callId; `call.cancelled` → the pending start is cancelled and a `call.cancel` job
 * cancels a child already running; a child that completes → a `call.complete` job on its parent,
 * one that ends in an uncaught error end event → a `call.fail` job there, one that throws an
 * escalation it does not catch → a `call.escalate` job there (or, when the same command completes
 * it, the codes ride on its `call.complete`, so they reach the call activity first).
 */
@Injectable()
export class CallActivityListener implements OnModuleInit {
  constructor(
    private readonly listeners: InstanceChangeListeners,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  onModuleInit(): void {
    this.listeners.register((change, statement) => this.onChange(change, statement));
  }

  onChange(change: InstanceChange, st: WriteStatement): void {
    const at = change.at;
    for (const effect of change.effects) {
      if (effect.type === 'call.started') {
        const payload: CallStartPayload = {
          callId: effect.callId,
          calledElement: effect.calledElement,
          variables: effect.variables,
          businessKey: change.businessKey,
          unitCode: change.unitCode,
        };
        this.insertJob(st, change, {
          id: effect.callId,
          kind: CALL_START,
          elementId: effect.elementId,
          topic: effect.calledElement,
          payload,
        });
      } else if (effect.type === 'call.cancelled') {
        st.add(`UPDATE jobs SET status = 'cancelled', updated_at = ${st.param(at, '::timestamptz')}
          WHERE id = ${st.param(effect.callId, '::uuid')} AND status = 'pending' AND ${AFTER_INSTANCE}`);
        this.insertJob(st, change, {
          id: randomUUID(),
          kind: CALL_CANCEL,
          elementId: 'call',
          topic: null,
          payload: { callId: effect.callId },
        });
      }
    }
    const escalations = uncaughtEscalations(change.effects);
    if (change.effects.some((effect) => effect.type === 'instance.completed')) {
      // Escalations of the completing command ride on the completion, so they reach the call first.
      this.toParent(
        st,
        change,
        CALL_COMPLETE,
        () =>
          `jsonb_build_object('callId', c.parent_call_id, 'variables', ${st.json(change.variables)}::jsonb${
            escalations.length > 0 ? `, 'escalations', ${st.json(escalations)}::jsonb` : ''
          })`,
      );
    } else {
      for (const escalationCode of escalations) {
        this.toParent(
          st,
          change,
          CALL_ESCALATE,
          () =>
            `jsonb_build_object('callId', c.parent_call_id, 'escalationCode', ${st.param(escalationCode, '::text')}::text)`,
        );
      }
    }
    for (const effect of change.effects) {
      if (effect.type !== 'history' || effect.record.type !== 'error.uncaught') continue;
      const errorCode = String(effect.record.data?.errorCode ?? '');
      this.toParent(
        st,
        change,
        CALL_FAIL,
        () =>
          `jsonb_build_object('callId', c.parent_call_id, 'errorCode', ${st.param(errorCode)}::text, 'childInstanceId', c.id)`,
      );
    }
  }

  private insertJob(
    st: WriteStatement,
    change: InstanceChange,
    job: { id: string; kind: string; elementId: string; topic: string | null; payload: object },
  ): void {
    st.add(`INSERT INTO jobs (id, instance_id, kind, element_id, topic, due_at, status, max_attempts, payload, created_at, updated_at)
      VALUES (${st.param(job.id, '::uuid')}, ${st.param(change.instanceId, '::uuid')}, ${st.param(job.kind)}, ${st.param(job.elementId)},
        ${st.param(job.topic, '::text')}, ${st.param(change.at, '::timestamptz')}, 'pending', ${st.param(this.config.jobMaxAttempts, '::int')},
        ${st.json(job.payload)}, ${st.param(change.at, '::timestamptz')}, ${st.param(change.at, '::timestamptz')})`);
    (change.enqueue ??= []).push({ id: job.id, dueAt: change.at });
  }

  /** A job on the parent, only when this instance was started by a call (the command read `parent_call_id`). */
  /** `payloadSql` is built only when used: every `st.param` becomes a statement parameter. */
  private toParent(st: WriteStatement, change: InstanceChange, kind: string, payloadSql: () => string): void {
    if (!change.parentCallId) return;
    const id = randomUUID();
    st.add(`INSERT INTO jobs (id, instance_id, kind, element_id, due_at, status, max_attempts, payload, created_at, updated_at)
      SELECT ${st.param(id, '::uuid')}, c.parent_instance_id, ${st.param(kind)}, COALESCE(s.element_id, 'call'),
        ${st.param(change.at, '::timestamptz')}, 'pending', ${st.param(this.config.jobMaxAttempts, '::int')}, ${payloadSql()},
        ${st.param(change.at, '::timestamptz')}, ${st.param(change.at, '::timestamptz')}
      FROM process_instances c LEFT JOIN jobs s ON s.id = c.parent_call_id
      WHERE c.id = ${st.param(change.instanceId, '::uuid')} AND c.parent_call_id IS NOT NULL`);
    (change.enqueue ??= []).push({ id, dueAt: change.at });
  }
}

/** The codes of the escalations an instance threw and did not catch (`escalation.uncaught`; null: no code). */
export function uncaughtEscalations(effects: readonly Effect[]): Array<string | null> {
  return effects.flatMap((effect) =>
    effect.type === 'history' && effect.record.type === 'escalation.uncaught'
      ? [typeof effect.record.data?.escalationCode === 'string' ? effect.record.data.escalationCode : null]
      : [],
  );
}
