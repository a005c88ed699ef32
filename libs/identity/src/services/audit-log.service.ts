import { Injectable } from '@nestjs/common';
import type { AuditLog } from '../../../common/src';
import { AuditRepository, type AuditFilter, type AuditRow } from '../repositories/audit.repository';

/** What callers record; `ip` is optional beyond the shared `AuditLog` contract. */
export interface AuditEntryInput {
  actor?: string | null;
  action: string;
  subject?: string;
  ip?: string;
  data?: Record<string, unknown>;
}

/** The audit trail, provided to every module as `AUDIT_LOG`. */
@Injectable()
export class AuditLogService implements AuditLog {
  constructor(private readonly audit: AuditRepository) {}

  async record(entry: AuditEntryInput): Promise<void> {
    await this.audit.insert({
      actor: entry.actor ?? null,
      action: entry.action,
      subject: entry.subject ?? null,
      ip: entry.ip ?? null,
      data: entry.data ?? null,
    });
  }

  /** Entries matching every given field, newest first. */
  find(filter: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
    return this.audit.find(filter);
  }
}
