import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InstanceChangeListeners, type InstanceChange } from '../../../workflow/src';
import { DESK_HELD_STATUSES, isDossierStatus } from '../domain/dossier-status.machine';
import { statusLabelSql } from '../repositories/dossiers.repository';

type Statement = Parameters<Parameters<InstanceChangeListeners['register']>[0]>[1];

/** Parts that update existing rows must wait for the instance row lock (libs/workflow, AFTER_INSTANCE). */
const AFTER_INSTANCE = 'EXISTS (SELECT 1 FROM instance_write)';

/**
 * Keeps `dossiers.status` and the public `dossier_status` (DESIGN §5) in step with the engine,
 * inside each engine command's own statement, so a lookup never shows a state that did not
 * commit. The status is the new step's `mc:status`; a completed instance whose result was
 * ready is `returned`. Statuses the desk holds (supplement, refusal, withdrawal, returned) are
 * left alone: only a desk action ends them.
 */
@Injectable()
export class DossierStatusProjection implements OnModuleInit {
  constructor(private readonly listeners: InstanceChangeListeners) {}

  onModuleInit(): void {
    this.listeners.register((change, statement) => this.project(change, statement));
  }

  project(change: InstanceChange, st: Statement): void {
    if (!change.businessKey) return;
    const created = [...change.effects].reverse().find((e) => e.type === 'task.created');
    const step = created?.type === 'task.created' ? created.task : undefined;
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
}
