import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcessKeysRepository } from '../ownership/process-keys.repository';
import { activeElements, type DiagramToken } from '../persistence/instance-view.reader';
import type { JobState } from './dtos/operations-query.dto';
import { settingAtLoad } from '../../../config/src';

/** A pending job this long past due is overdue (a due job is normally picked up within seconds). */
export const OVERDUE_GRACE_MS = settingAtLoad('JOBS_OVERDUE_GRACE_MS');

/** A job row as the operations page lists it. */
export interface OperationsJob {
  id: string;
  kind: string;
  elementId: string;
  topic: string | null;
  status: string;
  dueAt: Date;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  instanceId: string | null;
  businessKey: string | null;
  definitionKey: string | null;
}

export interface OperationsIncident {
  id: string;
  instanceId: string;
  jobId: string | null;
  jobKind: string | null;
  elementId: string | null;
  code: string;
  message: string;
  status: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  businessKey: string | null;
  definitionKey: string | null;
}

export interface OperationsSummary {
  jobs: Record<JobState, number>;
  incidents: { open: number };
}

/** Each state's condition; `grace` gives the placeholder of OVERDUE_GRACE_MS, asked only by the states that use it. */
const STATE_WHERE: Record<JobState, (grace: () => string) => string> = {
  waiting: (grace) => `j.status = 'pending' AND j.due_at >= now() - make_interval(secs => ${grace()}::float8 / 1000)`,
  overdue: (grace) =>
    `j.status IN ('pending', 'running') AND j.due_at < now() - make_interval(secs => ${grace()}::float8 / 1000)`,
  running: () => `j.status = 'running'`,
  failed: () => `j.status = 'failed'`,
};

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Read-only SQL of the operations page (issue 10 item 4): jobs waiting, overdue, running or
 * failed, and incidents with the job and instance they concern. Writes go through the
 * facades (`IncidentService.retry`), never from here.
 */
@Injectable()
export class OperationsReader {
  constructor(private readonly db: DataSource) {}

  async summary(): Promise<OperationsSummary> {
    const grace = () => '$1';
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE ${STATE_WHERE.waiting(grace)})::int AS waiting, count(*) FILTER (WHERE ${STATE_WHERE.overdue(grace)})::int AS overdue,
              count(*) FILTER (WHERE ${STATE_WHERE.running(grace)})::int AS running, count(*) FILTER (WHERE ${STATE_WHERE.failed(grace)})::int AS failed,
              (SELECT count(*)::int FROM incidents WHERE status = 'open') AS incidents
         FROM jobs j WHERE j.status IN ('pending', 'running', 'failed')`,
      [OVERDUE_GRACE_MS],
    );
    return {
      jobs: { waiting: row.waiting, overdue: row.overdue, running: row.running, failed: row.failed },
      incidents: { open: row.incidents },
    };
  }

  /** `ownerCodes`: only jobs of instances whose key those units own (an administrator's reach); absent: all. */
  async jobs(filter: {
    state: JobState;
    kind?: string;
    q?: string;
    limit: number;
    offset: number;
    ownerCodes?: readonly string[];
  }): Promise<{ items: OperationsJob[]; total: number }> {
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const where = [STATE_WHERE[filter.state](() => add(OVERDUE_GRACE_MS))];
    if (filter.ownerCodes) where.push(ProcessKeysRepository.ownedInstances('j.instance_id', add(filter.ownerCodes)));
    if (filter.kind) where.push(`j.kind = ${add(filter.kind)}`);
    if (filter.q) {
      const q = add(like(filter.q));
      where.push(`(i.business_key ILIKE ${q} OR d.key ILIKE ${q})`);
    }
    const from = `FROM jobs j LEFT JOIN process_instances i ON i.id = j.instance_id
      LEFT JOIN process_definitions d ON d.id = coalesce(i.definition_id, j.definition_id) WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const items = await this.db.query(
      `SELECT j.id, j.kind, j.element_id AS "elementId", j.topic, j.status, j.due_at AS "dueAt", j.attempts, j.max_attempts AS "maxAttempts",
              j.last_error AS "lastError", j.instance_id AS "instanceId", i.business_key AS "businessKey", d.key AS "definitionKey"
       ${from} ORDER BY j.due_at, j.id LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
      params,
    );
    return { items, total };
  }

  async incidents(filter: {
    status: 'open' | 'resolved' | 'all';
    code?: string;
    kind?: string;
    q?: string;
    limit: number;
    offset: number;
    ownerCodes?: readonly string[];
  }): Promise<{ items: OperationsIncident[]; total: number }> {
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const where = ['true'];
    if (filter.ownerCodes) where.push(ProcessKeysRepository.ownedInstances('x.instance_id', add(filter.ownerCodes)));
    if (filter.status !== 'all') where.push(`x.status = ${add(filter.status)}`);
    if (filter.code) where.push(`x.code = ${add(filter.code)}`);
    if (filter.kind) where.push(`(j.kind = ${add(filter.kind)} OR starts_with(j.kind, $${params.length} || '.'))`);
    if (filter.q) {
      const q = add(like(filter.q));
      where.push(`(i.business_key ILIKE ${q} OR i.definition_key ILIKE ${q})`);
    }
    const from = `FROM incidents x JOIN process_instances i ON i.id = x.instance_id LEFT JOIN jobs j ON j.id = x.job_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const items = await this.db.query(
      `SELECT x.id, x.instance_id AS "instanceId", x.job_id AS "jobId", j.kind AS "jobKind", x.element_id AS "elementId", x.code, x.message,
              x.status, x.created_at AS "createdAt", x.resolved_at AS "resolvedAt", x.resolved_by AS "resolvedBy",
              i.business_key AS "businessKey", i.definition_key AS "definitionKey"
       ${from} ORDER BY x.created_at DESC, x.id LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
      params,
    );
    return { items, total };
  }

  /** Running instances (or in incident) of one process, oldest first: what a bulk cancel acts on. Top-level only: a called child goes with its parent. */
  async liveInstances(filter: {
    definitionKey: string;
    version?: number;
    elementId?: string;
    q?: string;
    limit: number;
    ownerCodes?: readonly string[];
  }): Promise<{ items: BulkInstance[]; total: number }> {
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const where = [
      `i.status IN ('running', 'incident')`,
      'i.parent_call_id IS NULL',
      `i.definition_key = ${add(filter.definitionKey)}`,
    ];
    if (filter.ownerCodes) where.push(ProcessKeysRepository.ownedInstances('i.id', add(filter.ownerCodes)));
    if (filter.version) where.push(`i.version = ${add(filter.version)}`);
    if (filter.elementId)
      where.push(
        `i.state -> 'tokens' @> jsonb_build_array(jsonb_build_object('elementId', ${add(filter.elementId)}::text))`,
      );
    if (filter.q) where.push(`i.business_key ILIKE ${add(like(filter.q))}`);
    const from = `FROM process_instances i WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows: (Omit<BulkInstance, 'activeElementIds'> & { tokens: DiagramToken[] | null })[] = await this.db.query(
      `SELECT i.id, i.business_key AS "businessKey", i.definition_key AS "definitionKey", i.version, i.status, i.started_at AS "startedAt",
              i.state -> 'tokens' AS tokens
       ${from} ORDER BY i.started_at, i.id LIMIT ${add(filter.limit)}`,
      params,
    );
    return {
      items: rows.map(({ tokens, ...row }) => ({ ...row, activeElementIds: activeElements(tokens ?? []) })),
      total,
    };
  }
}

/** An instance as a bulk cancel lists it. */
export interface BulkInstance {
  id: string;
  businessKey: string | null;
  definitionKey: string;
  version: number;
  status: string;
  startedAt: Date;
  activeElementIds: string[];
}
