import { randomUUID } from 'node:crypto';
import type { CommandTx } from '../persistence/command.tx';
import { SIGNAL_DELIVER, type SignalDeliverPayload } from './signal-job.kinds';

/**
 * Writes one `signal.deliver` job per instance waiting for `signalName` now (except `exceptInstanceId`,
 * the thrower, whose own subscriptions the engine already triggered), in the caller's transaction;
 * they are enqueued after commit. The waiting instances are found in the state itself
 * (`state->'tokens' @> [{wait: {kind: 'signal', name}}]`, GIN-indexed), so no projection of the
 * instance write is needed. Returns how many deliveries were written.
 */
export async function fanOutSignal(
  tx: CommandTx,
  signal: SignalDeliverPayload,
  exceptInstanceId: string | null,
  maxAttempts: number,
): Promise<number> {
  const waiting = JSON.stringify([{ wait: { kind: 'signal', name: signal.signalName } }]);
  const targets = await tx.rows<{ id: string }>(
    `SELECT id FROM process_instances
     WHERE state->'tokens' @> $1::jsonb AND status IN ('running', 'incident') AND id IS DISTINCT FROM $2::uuid ORDER BY started_at, id`,
    [waiting, exceptInstanceId],
  );
  if (targets.length === 0) return 0;
  const ids = targets.map(() => randomUUID());
  const rows = await tx.rows<{ id: string; due_at: Date }>(
    `INSERT INTO jobs (id, instance_id, kind, element_id, topic, due_at, status, max_attempts, payload, created_at, updated_at)
     SELECT job_id, instance_id, '${SIGNAL_DELIVER}', 'signal', $3, now(), 'pending', $4, $5::jsonb, now(), now()
     FROM unnest($1::uuid[], $2::uuid[]) AS t(job_id, instance_id) RETURNING id, due_at`,
    [ids, targets.map((target) => target.id), signal.signalName, maxAttempts, JSON.stringify(signal)],
  );
  tx.toEnqueue.push(...rows.map((row) => ({ id: row.id, dueAt: row.due_at })));
  return rows.length;
}
