import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { outboundText, type OutboundKind } from '../domain/sms-reply';
import { SMS_PROVIDER, type SmsProvider } from './sms.provider';
import { setting, settingAtLoad } from '../../../config/src';

interface OutboxRow {
  id: string;
  code: string;
  kind: OutboundKind;
  phone: string;
  appointment_at: Date;
  attempts: number;
  detail: string | null;
}

/** Backoff after the nth failed attempt, capped at 10 minutes; a message is never dropped. */
export const retryDelayMs = (attempts: number, baseMs = setting('SMS_RETRY_BASE_MS')) =>
  Math.min(10 * 60_000, baseMs * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the outbox (reconciler style, DESIGN §3): each tick claims due rows with
 * `FOR UPDATE SKIP LOCKED`, so several processes never send one message twice, and a failed
 * send stays pending with a later `next_attempt_at`, so a gateway outage loses nothing.
 */
@Injectable()
export class SmsOutboxSender {
  private readonly logger = new Logger('SmsOutbox');
  private running = false;

  constructor(
    private readonly db: DataSource,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
  ) {}

  @Interval(settingAtLoad('SMS_OUTBOX_INTERVAL_MS'))
  async tick(): Promise<void> {
    if (this.running || !setting('RUN_WORKERS')) return;
    this.running = true;
    try {
      await this.sendDue();
    } catch (error) {
      this.logger.warn(`outbox tick failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** Sends up to `batch` due messages; returns how many went out. */
  async sendDue(batch = 50): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, code, kind, phone, appointment_at, attempts, detail FROM sms_outbox
          WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batch],
      );
      let sent = 0;
      for (const row of rows) {
        const text = outboundText(row.kind, row.code, new Date(row.appointment_at), row.detail);
        try {
          await this.provider.send(row.phone, text);
          await tx.query(
            `UPDATE sms_outbox SET status = 'sent', text = $2, sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`,
            [row.id, text],
          );
          sent++;
        } catch (error) {
          const delay = retryDelayMs(row.attempts + 1);
          await tx.query(
            `UPDATE sms_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + $3 * interval '1 millisecond' WHERE id = $1`,
            [row.id, String((error as Error).message).slice(0, 500), delay],
          );
        }
      }
      return sent;
    });
  }
}
