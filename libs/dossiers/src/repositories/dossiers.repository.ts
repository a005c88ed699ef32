import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuthUser, foldedContains } from '../../../common/src';
import {
  instanceHasStepInUnitSql,
  OPEN_DESK_STEP_SQL,
  OPEN_STEP_STATUS_SQL,
  STEP_ROWS_SQL,
} from '../../../workflow/src';
import type { Applicant } from '../domain/applicant.rules';
import type { StepRow } from '../domain/control-slip.rows';
import type { ReceivedDocument } from '../domain/documents.rules';
import { STATUS_LABELS, type DossierStatus } from '../domain/dossier-status.machine';
import type { Channel } from '../domain/procedure.types';

/** Parameterised SQL on one connection: a workflow `CommandTx`, or autocommit reads. */
export interface Queryable {
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface DossierRow {
  code: string;
  procedureCode: string;
  unitCode: string;
  channel: Channel;
  applicant: Applicant;
  documents: ReceivedDocument[];
  receivedAt: Date;
  appointmentAt: Date;
  originalAppointmentAt: Date;
  status: DossierStatus;
  instanceId: string | null;
  lookupKeyHash: string;
  receivedBy: string;
  pausedAt: Date | null;
  pauses: { from: string; to: string; workingMs: number }[];
  pausedMs: number;
  resolvedAt: Date | null;
  returnedAt: Date | null;
}

/** A row of the staff list (`GET /api/dossiers`). */
export interface DossierListRow {
  code: string;
  procedureCode: string;
  procedureName: string;
  status: DossierStatus;
  statusLabel: string;
  receivedAt: Date;
  appointmentAt: Date;
  unitCode: string;
  channel: Channel;
  applicantName: string;
  currentStep: string | null;
  overdue: boolean;
  /** The procedure's fee (VND): whether the dossier has a fee to pay. */
  fee: number;
}

export interface DossierPatch {
  status?: DossierStatus;
  appointmentAt?: Date;
  pausedAt?: Date | null;
  pauses?: DossierRow['pauses'];
  pausedMs?: number;
  resolvedAt?: Date;
  returnedAt?: Date;
  /** The citizen-facing reason on the public projection (a refusal's: `dossier-closure.ts`); null clears it. */
  publicReason?: string | null;
}

const COLUMNS = `d.code, d.procedure_code AS "procedureCode", d.unit_code AS "unitCode", d.channel, d.applicant, d.documents,
  d.received_at AS "receivedAt", d.appointment_at AS "appointmentAt", d.original_appointment_at AS "originalAppointmentAt",
  d.status, d.instance_id AS "instanceId", d.lookup_key_hash AS "lookupKeyHash", d.received_by AS "receivedBy",
  d.paused_at AS "pausedAt", d.pauses, d.paused_ms::float8 AS "pausedMs", d.resolved_at AS "resolvedAt", d.returned_at AS "returnedAt"`;

/** SQL `CASE` giving the Vietnamese label of a status column (constants only). */
export function statusLabelSql(column: string): string {
  const cases = Object.entries(STATUS_LABELS).map(([key, label]) => `WHEN '${key}' THEN '${label}'`);
  return `CASE ${column} ${cases.join(' ')} ELSE ${column} END`;
}

/** Staff see a dossier their unit received, or one with a step of the instance in their unit (DESIGN §6). */
const VISIBLE = `(d.unit_code = $UNIT OR ${instanceHasStepInUnitSql('d.instance_id', '$UNIT')})`;

/** `dossiers`, `dossier_counters`, `dossier_status` and `dossier_events`. */
@Injectable()
export class DossiersRepository {
  private readonly autocommit: Queryable;

  constructor(db: DataSource) {
    this.autocommit = { rows: (sql, params) => db.query(sql, params) };
  }

  /** The next number of the unit's day: the counter row stays locked until commit, and a rollback takes the number back, so codes have no gaps. */
  async nextNumber(tx: Queryable, unitCode: string, day: string): Promise<number> {
    const [row] = await tx.rows<{ n: number }>(
      `INSERT INTO dossier_counters (unit_code, day, n) VALUES ($1, $2::date, 1)
       ON CONFLICT (unit_code, day) DO UPDATE SET n = dossier_counters.n + 1 RETURNING n`,
      [unitCode, day],
    );
    return row.n;
  }

  /**
   * Writes a received dossier once, in one statement: its row (with its process instance and the
   * status the start left it at), its public projection, and its events (`received`, and a
   * closing one when the start already ended the process with an outcome).
   */
  async insert(
    tx: Queryable,
    d: Omit<DossierRow, 'pausedAt' | 'pauses' | 'pausedMs'>,
    projection: { procedureName: string; unitName: string; currentStep: string | null; publicReason: string | null },
    events: { type: string; actor: string | null; data: Record<string, unknown> }[],
    now: Date,
  ): Promise<void> {
    await tx.rows(
      `WITH d AS (
         INSERT INTO dossiers (code, procedure_code, unit_code, channel, applicant, documents, received_at, appointment_at, original_appointment_at,
           status, lookup_key_hash, received_by, instance_id, resolved_at, returned_at, updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13::uuid, $14::timestamptz, $15::timestamptz, $16) RETURNING code),
       s AS (
         INSERT INTO dossier_status (code, status, status_label, procedure_code, procedure_name, unit_code, unit_name, appointment_at, current_step,
           public_reason, updated_at)
         SELECT d.code, $10, $17, $2, $18, $3, $19, $8, $20::text, $21::text, $16 FROM d)
       INSERT INTO dossier_events (code, at, type, actor, data)
       SELECT d.code, $16, e.type, e.actor, e.data
       FROM d, ROWS FROM (jsonb_to_recordset($22::jsonb) AS (type text, actor text, data jsonb)) WITH ORDINALITY AS e(type, actor, data, n)
       ORDER BY e.n`,
      [
        d.code,
        d.procedureCode,
        d.unitCode,
        d.channel,
        JSON.stringify(d.applicant),
        JSON.stringify(d.documents),
        d.receivedAt,
        d.appointmentAt,
        d.originalAppointmentAt,
        d.status,
        d.lookupKeyHash,
        d.receivedBy,
        d.instanceId,
        d.resolvedAt,
        d.returnedAt,
        now,
        STATUS_LABELS[d.status],
        projection.procedureName,
        projection.unitName,
        projection.currentStep,
        projection.publicReason,
        JSON.stringify(events),
      ],
    );
  }

  /** The dossier if `user` may see it; with `tx`, locked for a one-stop action. */
  /** The receiving unit and the lookup key's hash of a dossier (a citizen's key is checked against it). */
  async keyOf(code: string): Promise<{ unitCode: string; lookupKeyHash: string } | undefined> {
    const rows = await this.autocommit.rows<{ unitCode: string; lookupKeyHash: string }>(
      `SELECT unit_code AS "unitCode", lookup_key_hash AS "lookupKeyHash" FROM dossiers WHERE code = $1`,
      [code],
    );
    return rows[0];
  }

  async findVisible(code: string, user: Pick<AuthUser, 'unitCode'>, tx?: Queryable): Promise<DossierRow | undefined> {
    const lock = tx ? 'FOR UPDATE OF d' : '';
    const rows = await (tx ?? this.autocommit).rows<DossierRow>(
      `SELECT ${COLUMNS} FROM dossiers d WHERE d.code = $1 AND ${VISIBLE.replaceAll('$UNIT', '$2')} ${lock}`,
      [code, user.unitCode],
    );
    return rows[0];
  }

  /** Applies a desk action's change to the dossier and its public projection, in one statement. */
  async apply(tx: Queryable, code: string, patch: DossierPatch, now: Date): Promise<void> {
    const sets: string[] = ['updated_at = $2'];
    const params: unknown[] = [code, now];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (patch.status) set('status', patch.status);
    if (patch.appointmentAt) set('appointment_at', patch.appointmentAt);
    if (patch.pausedAt !== undefined) set('paused_at', patch.pausedAt, '::timestamptz');
    if (patch.pauses) set('pauses', JSON.stringify(patch.pauses), '::jsonb');
    if (patch.pausedMs !== undefined) set('paused_ms', Math.round(patch.pausedMs));
    if (patch.resolvedAt) set('resolved_at', patch.resolvedAt);
    if (patch.returnedAt) set('returned_at', patch.returnedAt);
    params.push(patch.publicReason ?? null, patch.publicReason !== undefined);
    const reason = `public_reason = CASE WHEN $${params.length}::boolean THEN $${params.length - 1}::text ELSE s.public_reason END`;
    await tx.rows(
      `WITH d AS (UPDATE dossiers SET ${sets.join(', ')} WHERE code = $1 RETURNING code, status, appointment_at)
       UPDATE dossier_status s SET status = d.status, status_label = ${statusLabelSql('d.status')}, appointment_at = d.appointment_at, ${reason}, updated_at = $2
       FROM d WHERE s.code = d.code`,
      params,
    );
  }

  async addEvent(
    tx: Queryable,
    code: string,
    at: Date,
    type: string,
    actor: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await tx.rows(`INSERT INTO dossier_events (code, at, type, actor, data) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
      code,
      at,
      type,
      actor,
      JSON.stringify(data),
    ]);
  }

  async events(
    code: string,
    tx?: Queryable,
  ): Promise<{ at: Date; type: string; actor: string | null; data: Record<string, unknown> }[]> {
    return (tx ?? this.autocommit).rows(
      `SELECT at, type, actor, data FROM dossier_events WHERE code = $1 ORDER BY id`,
      [code],
    );
  }

  /** The citizen-facing status of the newest open step (`mc:status`), to resume to after a supplement. */
  async openStepStatus(tx: Queryable, instanceId: string | null): Promise<string | undefined> {
    if (!instanceId) return undefined;
    const rows = await tx.rows<{ status: string | null }>(OPEN_STEP_STATUS_SQL, [instanceId]);
    return rows[0]?.status ?? undefined;
  }

  /** The newest open step of the instance drawn as desk action `action` (`mc:action`, ADR 0012). */
  async openDeskStep(
    instanceId: string | null,
    action: string,
  ): Promise<{ taskId: string; instanceId: string; name: string; action: string } | undefined> {
    if (!instanceId) return undefined;
    const rows = await this.autocommit.rows<{ taskId: string; instanceId: string; name: string; action: string }>(
      OPEN_DESK_STEP_SQL,
      [instanceId, action],
    );
    return rows[0];
  }

  /** The instance's steps, oldest first (the control slip's rows). */
  async steps(instanceId: string | null, tx?: Queryable): Promise<StepRow[]> {
    if (!instanceId) return [];
    return (tx ?? this.autocommit).rows<StepRow>(STEP_ROWS_SQL, [instanceId]);
  }

  async projection(
    code: string,
    tx?: Queryable,
  ): Promise<{ procedureName: string; unitName: string; statusLabel: string; currentStep: string | null } | undefined> {
    const rows = await (tx ?? this.autocommit).rows<{
      procedureName: string;
      unitName: string;
      statusLabel: string;
      currentStep: string | null;
    }>(
      `SELECT procedure_name AS "procedureName", unit_name AS "unitName", status_label AS "statusLabel", current_step AS "currentStep"
       FROM dossier_status WHERE code = $1`,
      [code],
    );
    return rows[0];
  }

  async list(
    user: Pick<AuthUser, 'unitCode'>,
    query: { status?: string; procedure?: string; q?: string; limit: number; offset: number },
    now: Date,
  ) {
    const params: unknown[] = [user.unitCode];
    const where = [VISIBLE.replaceAll('$UNIT', '$1')];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('$?', `$${params.length}`));
    };
    if (query.status) add('d.status = $?', query.status);
    if (query.procedure) add('d.procedure_code = $?', query.procedure);
    // Code, applicant name or ID number, accents ignored: `search_text` and its trigram index dossiers_search_idx.
    if (query.q) add(`d.search_text LIKE $?`, foldedContains(query.q));
    const filter = where.join(' AND ');
    const [{ total }] = await this.autocommit.rows<{ total: number }>(
      `SELECT count(*)::int AS total FROM dossiers d WHERE ${filter}`,
      params,
    );
    params.push(now, query.limit, query.offset);
    const n = params.length;
    const items = await this.autocommit.rows<DossierListRow>(
      `SELECT d.code, d.procedure_code AS "procedureCode", s.procedure_name AS "procedureName", d.status, s.status_label AS "statusLabel",
         d.received_at AS "receivedAt", d.appointment_at AS "appointmentAt", d.unit_code AS "unitCode", d.channel,
         d.applicant->>'fullName' AS "applicantName", s.current_step AS "currentStep",
         (d.status NOT IN ('returned', 'rejected', 'withdrawn') AND d.appointment_at < $${n - 2}) AS overdue,
         COALESCE((SELECT p.fee FROM procedures p WHERE p.code = d.procedure_code), 0)::int AS fee
       FROM dossiers d JOIN dossier_status s ON s.code = d.code
       WHERE ${filter} ORDER BY d.received_at DESC, d.code DESC LIMIT $${n - 1} OFFSET $${n}`,
      params,
    );
    return { items, total };
  }
}
