import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AFTER_INSTANCE, InstanceChangeListeners, type InstanceChange } from '../../../workflow/src';
import { closureOf, publicReasonOf } from '../domain/dossier-closure';
import { DESK_HELD_STATUSES, isDossierStatus, type DossierStatus } from '../domain/dossier-status.machine';
import { statusLabelSql } from '../repositories/dossiers.repository';

type Statement = Parameters<Parameters<InstanceChangeListeners['register']>[0]>[1];

/**
 * Keeps `dossiers.status` and the public `dossier_status` (DESIGN §5) in step with the engine,
 * inside each engine command's own statement, so a lookup never shows a state that did not
 * commit. The status is the new step's `mc:status`; a completed instance whose result was
 * ready is `returned`. Statuses the desk holds (supplement, refusal, withdrawal, returned) are
 * left alone: only a desk action ends them — or an end event with `mc:outcome`, which closes the
 * dossier exactly as the desk's action does (`close`, ADR 0011).
 */
@Injectable()
export class DossierStatusProjection implements OnModuleInit {
  constructor(private readonly listeners: InstanceChangeListeners) {}

  onModuleInit(): void {
    this.listeners.register((change, statement) => this.project(change, statement));
  }

  project(change: InstanceChange, st: Statement): void {
    if (!change.businessKey) return;
    const outcome = change.effects.find((e) => e.type === 'outcome.reached');
    // One statement may not update a dossier row twice: the outcome's closing replaces the step's projection.
    if (outcome?.type === 'outcome.reached')
      return this.close(change, st, outcome.outcome, outcome.reason, outcome.elementId);
    const step = newestStep(change);
    const stepStatus = step?.spec.status;
    const completed = change.status === 'completed';
    if (!isDossierStatus(stepStatus) && !completed && !step) return;

    const code = st.param(change.businessKey, '::text');
    const at = st.param(change.at, '::timestamptz');
    const held = DESK_HELD_STATUSES.map((s) => `'${s}'`).join(', ');
    let next = 'd.status';
    if (isDossierStatus(stepStatus)) next = st.param(stepStatus, '::text');
    else if (completed) next = `CASE WHEN d.status = 'result_ready' THEN 'returned' ELSE d.status END`;
    const moved = st.add(
      `UPDATE dossiers d SET status = ${next},
         resolved_at = CASE WHEN ${next} = 'result_ready' THEN COALESCE(d.resolved_at, ${at}) ELSE d.resolved_at END,
         returned_at = CASE WHEN ${next} = 'returned' THEN COALESCE(d.returned_at, ${at}) ELSE d.returned_at END,
         updated_at = ${at}
       WHERE d.code = ${code} AND (d.instance_id IS NULL OR d.instance_id = ${st.param(change.instanceId, '::uuid')})
         AND d.status NOT IN (${held}) AND ${AFTER_INSTANCE}
       RETURNING d.code, d.status`,
      'dossier_moved',
    );
    const currentStep = step ? st.param(step.name, '::text') : completed ? 'NULL' : 's.current_step';
    st.add(
      `UPDATE dossier_status s SET status = COALESCE(m.status, s.status),
         status_label = CASE WHEN m.code IS NULL THEN s.status_label ELSE ${statusLabelSql('m.status')} END,
         current_step = ${currentStep}, updated_at = ${at}
       FROM (SELECT ${code} AS code) k LEFT JOIN ${moved} m ON m.code = k.code
       WHERE s.code = k.code AND ${AFTER_INSTANCE}`,
      'dossier_status_moved',
    );
  }

  /**
   * The diagram reached an end event with `mc:outcome`: the dossier takes the closing status, its
   * finish time (`resolved_at`, what the reports count), the dossier event of the desk's action
   * with the reason (Form 03, the timeline, and the refusal SMS by trigger), and the public
   * reason — all parts of the engine command's statement, so they commit with it or not at all.
   * A dossier already closed is left alone; a refusal shown by the hand-back step's `mc:status`
   * (`rejected`, not yet finished) is closed now.
   */
  private close(
    change: InstanceChange,
    st: Statement,
    outcome: string,
    reason: string | null,
    elementId: string,
  ): void {
    const closure = closureOf(outcome);
    if (!closure) return;
    const code = st.param(change.businessKey, '::text');
    const at = st.param(change.at, '::timestamptz');
    const status = st.param(closure.status, '::text');
    const closed = st.add(
      `UPDATE dossiers d SET status = ${status}, resolved_at = COALESCE(d.resolved_at, ${at}),
         returned_at = CASE WHEN ${status} = 'returned' THEN COALESCE(d.returned_at, ${at}) ELSE d.returned_at END,
         paused_at = NULL, updated_at = ${at}
       WHERE d.code = ${code} AND (d.instance_id IS NULL OR d.instance_id = ${st.param(change.instanceId, '::uuid')})
         AND (d.status NOT IN ('returned', 'rejected', 'withdrawn') OR (d.status = ${status} AND d.resolved_at IS NULL)) AND ${AFTER_INSTANCE}
       RETURNING d.code, d.status`,
      'dossier_closed',
    );
    st.add(
      `UPDATE dossier_status s SET status = c.status, status_label = ${statusLabelSql('c.status')},
         public_reason = ${st.param(publicReasonOf(closure, reason), '::text')}, current_step = NULL, updated_at = ${at}
       FROM ${closed} c WHERE s.code = c.code`,
      'dossier_status_closed',
    );
    if (!closure.event) return;
    st.add(
      `INSERT INTO dossier_events (code, at, type, actor, data)
       SELECT c.code, ${at}, ${st.param(closure.event, '::text')}, ${st.param(change.actor, '::text')}, ${st.json({ reason, by: 'process', elementId, instanceId: change.instanceId })}
       FROM ${closed} c`,
      'dossier_closed_event',
    );
  }
}

/** The newest step the change opened, if any. */
function newestStep(change: InstanceChange) {
  const created = [...change.effects].reverse().find((e) => e.type === 'task.created');
  return created?.type === 'task.created' ? created.task : undefined;
}

/** A received dossier's row as its process's start leaves it: what `DossierStatusProjection` would make of a `received` row. */
export interface StartProjection {
  status: DossierStatus;
  currentStep: string | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  publicReason: string | null;
  /** The closing event, when the start already reached an end event with `mc:outcome` (ADR 0011). */
  event: { type: string; data: Record<string, unknown> } | null;
}

/**
 * The projection of a start for a dossier not yet written, so reception writes its row once
 * with the values the listener would otherwise have moved it to (the listener finds no row then).
 */
export function projectStart(change: InstanceChange): StartProjection {
  const at = change.at;
  const outcome = change.effects.find((e) => e.type === 'outcome.reached');
  const closure = outcome?.type === 'outcome.reached' ? closureOf(outcome.outcome) : undefined;
  if (outcome?.type === 'outcome.reached' && closure) {
    return {
      status: closure.status,
      currentStep: null,
      resolvedAt: at,
      returnedAt: closure.status === 'returned' ? at : null,
      publicReason: publicReasonOf(closure, outcome.reason),
      event: closure.event
        ? {
            type: closure.event,
            data: {
              reason: outcome.reason,
              by: 'process',
              elementId: outcome.elementId,
              instanceId: change.instanceId,
            },
          }
        : null,
    };
  }
  const step = newestStep(change);
  const status: DossierStatus = isDossierStatus(step?.spec.status) ? step.spec.status : 'received';
  return {
    status,
    currentStep: step ? step.name : null,
    resolvedAt: status === 'result_ready' ? at : null,
    returnedAt: status === 'returned' ? at : null,
    publicReason: null,
    event: null,
  };
}
