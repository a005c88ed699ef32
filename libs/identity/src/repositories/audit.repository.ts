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
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
  /** Only entries whose actor, or the account or unit they concern, belongs to these units (an administrator's subtree). */
  unitCodes?: readonly string[];
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

  /** Newest first; `action` also matches its family (`admin.user` → `admin.user.created`). */
  async find(filter: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    if (filter.actor !== undefined) where.push(`actor = ${add(filter.actor)}`);
    if (filter.subject !== undefined) where.push(`subject = ${add(filter.subject)}`);
    if (filter.action !== undefined) {
      const action = add(filter.action);
      where.push(`(action = ${action} OR starts_with(action, ${action} || '.'))`);
    }
    if (filter.from !== undefined) where.push(`at >= ${add(filter.from)}`);
    if (filter.to !== undefined) where.push(`at < ${add(filter.to)}`);
    if (filter.unitCodes !== undefined) {
      const units = add(filter.unitCodes);
      const accounts = `SELECT u.username FROM users u JOIN units un ON un.id = u.unit_id WHERE un.code = ANY(${units})`;
      where.push(`(actor IN (${accounts}) OR subject IN (SELECT 'user:' || a.username FROM (${accounts}) a)
        OR subject IN (SELECT 'unit:' || c FROM unnest(${units}::text[]) c))`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_log ${clause}`,
      params,
    );
    const items: AuditRow[] = await this.dataSource.query(
      `SELECT id, at, actor, action, subject, ip, data FROM audit_log ${clause}
        ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }
}
