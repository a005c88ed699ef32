import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../../common/src';
import { INCIDENT_COLUMNS } from '../persistence/instance-view.reader';
import { isUuid } from '../persistence/uuid';
import { CommandExecutor } from '../runtime/command.executor';
import { ProcessKeysRepository } from '../ownership/process-keys.repository';
import type { IncidentView } from '../views/instance.view';
import type { WorkflowActor } from './workflow.actor';

/**
 * Incidents for administrators. A retry follows Camunda: giving the job new attempts resolves
 * the incident at once (resolved_by = the admin); if the job fails through them again, a new
 * incident is opened. Incidents the engine raised without a job cannot be retried.
 */
@Injectable()
export class IncidentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly executor: CommandExecutor,
  ) {}

  /** `ownerCodes`: only incidents of instances whose key those units own (an administrator's reach). */
  async list(
    status: 'open' | 'resolved' | 'all' = 'open',
    limit = 50,
    offset = 0,
    ownerCodes?: readonly string[],
  ): Promise<{ items: IncidentView[]; total: number }> {
    const conditions = status === 'all' ? [] : [`status = '${status === 'resolved' ? 'resolved' : 'open'}'`];
    if (ownerCodes) conditions.push(ProcessKeysRepository.ownedInstances('instance_id', '$1'));
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const filter = ownerCodes ? [ownerCodes] : [];
    const page = ownerCodes ? 'LIMIT $2 OFFSET $3' : 'LIMIT $1 OFFSET $2';
    const [items, count] = await Promise.all([
      this.dataSource.query(`SELECT ${INCIDENT_COLUMNS} FROM incidents ${where} ORDER BY created_at DESC, id ${page}`, [
        ...filter,
        limit,
        offset,
      ]),
      this.dataSource.query(`SELECT count(*)::int AS n FROM incidents ${where}`, filter),
    ]);
    return { items, total: count[0].n };
  }

  /** Job back to `pending` with its attempts reset and re-enqueued; incident resolved; instance `running` again when nothing else is open. */
  async retry(id: string, actor: WorkflowActor): Promise<IncidentView> {
    if (!isUuid(id)) throw AppError.notFound('INCIDENT_NOT_FOUND', `Incident ${id} not found`);
    return this.executor.transaction(async (tx) => {
      const now = this.executor.now();
      const instanceId = (
        await tx.one<{ instance_id: string }>(`SELECT instance_id FROM incidents WHERE id = $1`, [id])
      )?.instance_id;
      if (!instanceId) throw AppError.notFound('INCIDENT_NOT_FOUND', `Incident ${id} not found`);
      await tx.rows(`SELECT id FROM process_instances WHERE id = $1 FOR UPDATE`, [instanceId]);
      const incident = await tx.one<IncidentView>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = $1`, [id]);
      if (!incident || incident.status !== 'open')
        throw AppError.conflict('INCIDENT_NOT_OPEN', `Incident ${id} is already resolved`);
      if (!incident.jobId) throw AppError.conflict('INCIDENT_NOT_RETRYABLE', `Incident ${id} has no job to retry`);
      const job = await tx.one<{ id: string }>(
        `UPDATE jobs SET status = 'pending', attempts = 0, due_at = $2, last_error = NULL, locked_by = NULL, locked_until = NULL, updated_at = now()
         WHERE id = $1 AND status = 'failed' RETURNING id`,
        [incident.jobId, now],
      );
      if (!job) throw AppError.conflict('INCIDENT_NOT_RETRYABLE', `The job of incident ${id} is no longer failed`);
      const resolved = await tx.one<IncidentView>(
        `UPDATE incidents SET status = 'resolved', resolved_at = $2, resolved_by = $3 WHERE id = $1 RETURNING ${INCIDENT_COLUMNS}`,
        [id, now, actor.username],
      );
      await tx.rows(
        `WITH h AS (
           INSERT INTO history_events (instance_id, at, type, element_id, actor, data)
           VALUES ($1, $2, 'incident.resolved', $3, $4, jsonb_build_object('incidentId', $5::uuid, 'jobId', $6::uuid, 'retry', true)))
         UPDATE process_instances SET status = 'running', rev = rev + 1
         WHERE id = $1 AND status = 'incident' AND NOT EXISTS (SELECT 1 FROM incidents WHERE instance_id = $1 AND status = 'open' AND id <> $5)`,
        [instanceId, now, incident.elementId, actor.username, id, incident.jobId],
      );
      tx.toEnqueue.push({ id: incident.jobId, dueAt: now });
      return resolved!;
    });
  }
}
