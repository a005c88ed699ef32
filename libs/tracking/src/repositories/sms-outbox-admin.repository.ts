import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** An outbound SMS that the gateway refused at least once and that is not sent yet. */
export interface FailingSms {
  id: string;
  code: string;
  kind: string;
  phone: string;
  attempts: number;
  lastError: string;
  nextAttemptAt: Date;
  createdAt: Date;
}

const FAILING = `status <> 'sent' AND attempts > 0 AND last_error IS NOT NULL`;

/**
 * The failing part of `sms_outbox` (libs/tracking sends it, retrying with backoff for ever) for
 * the operations page: what keeps failing, and "send now" instead of waiting for the backoff.
 * Here with the table's owner (it was in libs/dossiers, a layer below, which wrote tracking's table).
 */
@Injectable()
export class SmsOutboxAdminRepository {
  constructor(private readonly db: DataSource) {}

  async failing(filter: {
    q?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: FailingSms[]; total: number }> {
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const where = [FAILING];
    if (filter.q) where.push(`code ILIKE ${add(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const clause = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM sms_outbox WHERE ${clause}`, params);
    const items = await this.db.query(
      `SELECT id::text, code, kind, phone, attempts, last_error AS "lastError", next_attempt_at AS "nextAttemptAt", created_at AS "createdAt"
         FROM sms_outbox WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
      params,
    );
    return { items, total };
  }

  /** Due at once (and back to pending); undefined when the message is not failing (sent, or never tried). */
  async sendNow(id: string): Promise<FailingSms | undefined> {
    const [rows] = await this.db.query(
      `UPDATE sms_outbox SET status = 'pending', next_attempt_at = now() WHERE id = $1 AND ${FAILING}
       RETURNING id::text, code, kind, phone, attempts, last_error AS "lastError", next_attempt_at AS "nextAttemptAt", created_at AS "createdAt"`,
      [id],
    );
    return rows[0];
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM sms_outbox WHERE id = $1`, [id])).length === 1;
  }
}
