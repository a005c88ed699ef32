import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Sql } from '../persistence/sql';
import { NOTIFICATION_COLUMNS, type NewNotification, type NotificationView } from './notification.view';

/** `notifications`: an officer's list, marking read, and inserts inside a caller's statement. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    recipient: string,
    query: { unread?: boolean; limit: number; offset: number },
  ): Promise<{ items: NotificationView[]; total: number; unread: number }> {
    const where = `recipient = $1${query.unread ? ' AND read_at IS NULL' : ''}`;
    const [items, counts] = await Promise.all([
      this.dataSource.query(
        `SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE ${where} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
        [recipient, query.limit, query.offset],
      ) as Promise<NotificationView[]>,
      this.dataSource.query(
        `SELECT count(*) FILTER (WHERE ${where.replace('recipient = $1', 'true')})::int AS total,
           count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE recipient = $1`,
        [recipient],
      ) as Promise<{ total: number; unread: number }[]>,
    ]);
    return { items, total: counts[0].total, unread: counts[0].unread };
  }

  /** Marks one of the recipient's notifications read (keeps the first read time); undefined when it is not theirs. */
  async markRead(recipient: string, id: string, now: Date): Promise<NotificationView | undefined> {
    const rows: [NotificationView[], number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND recipient = $2 RETURNING ${NOTIFICATION_COLUMNS}`,
      [id, recipient, now],
    );
    return rows[0][0];
  }

  /** Inserts notifications in the caller's transaction; a (job, recipient) pair already sent is skipped. */
  async insert(sql: Sql, notifications: readonly NewNotification[], now: Date): Promise<number> {
    if (!notifications.length) return 0;
    const rows = await sql.rows(
      `INSERT INTO notifications (recipient, kind, job_id, task_id, instance_id, business_key, title, body, created_at)
       SELECT r.recipient, r.kind, r.job_id, r.task_id, r.instance_id, r.business_key, r.title, COALESCE(r.body, ''), $2
       FROM jsonb_to_recordset($1::jsonb) AS r(recipient text, kind text, job_id uuid, task_id uuid, instance_id uuid,
         business_key text, title text, body text)
       ON CONFLICT (job_id, recipient) WHERE job_id IS NOT NULL DO NOTHING RETURNING id`,
      [JSON.stringify(notifications.map(toRow)), now],
    );
    return rows.length;
  }
}

function toRow(n: NewNotification) {
  return {
    recipient: n.recipient,
    kind: n.kind,
    job_id: n.jobId ?? null,
    task_id: n.taskId ?? null,
    instance_id: n.instanceId ?? null,
    business_key: n.businessKey ?? null,
    title: n.title,
    body: n.body ?? '',
  };
}
