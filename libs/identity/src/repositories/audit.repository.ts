import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AuditRow {
  id: string;
  at: Date;
  actor: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
  data: Record<string, unknown> | null;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  subject?: string;
  limit: number;
  offset: number;
}

/** SQL for the append-only audit trail. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(row: Omit<AuditRow, 'id' | 'at'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (actor, action, subject, ip, data) VALUES ($1, $2, $3, $4, $5)`,
      [row.actor, row.action, row.subject, row.ip, row.data === null ? null : JSON.stringify(row.data)],
    );
  }

  /** Newest first. */
  async find(filter: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const column of ['actor', 'action', 'subject'] as const) {
      if (filter[column] === undefined) continue;
      params.push(filter[column]);
      where.push(`${column} = $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log ${clause}`, params);
    const items: AuditRow[] = await this.dataSource.query(
      `SELECT id, at, actor, action, subject, ip, data FROM audit_log ${clause}
        ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }
}
