import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, CLOCK, type Clock } from '../../../common/src';

export interface UnitStats {
  unitCode: string;
  unitName: string;
  received: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgressOnTime: number;
  inProgressOverdue: number;
  onTimeRate: number | null;
}

/** Refused and withdrawn dossiers carry a `resolved_at` (the desk closed them) but were never resolved. */
const SETTLED = `d.status NOT IN ('rejected', 'withdrawn')`;

const COUNTS = ['received', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'inProgressOnTime', 'inProgressOverdue'] as const;

/**
 * The provincial aggregate (issue 5): dossiers received in the period, per receiving unit.
 * Early = resolved on a Vietnam day before the appointment's day; on time = by the appointment;
 * rejected and withdrawn dossiers are neither resolved nor in progress.
 */
@Injectable()
export class PublicStatsService {
  constructor(private readonly db: DataSource, @Inject(CLOCK) private readonly clock: Clock) {}

  async stats(from?: string, to?: string): Promise<{ from: string | null; to: string | null; units: UnitStats[]; total: UnitStats }> {
    const start = parseDay(from, 'from');
    const end = parseDay(to, 'to');
    const rows = await this.db.query(
      `SELECT d.unit_code AS "unitCode", COALESCE(u.name, d.unit_code) AS "unitName",
              count(*)::int AS received,
              count(*) FILTER (WHERE ${SETTLED} AND d.resolved_at IS NOT NULL AND (d.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < (d.appointment_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS "resolvedEarly",
              count(*) FILTER (WHERE ${SETTLED} AND d.resolved_at IS NOT NULL AND d.resolved_at <= d.appointment_at
                               AND (d.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= (d.appointment_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS "resolvedOnTime",
              count(*) FILTER (WHERE ${SETTLED} AND d.resolved_at > d.appointment_at)::int AS "resolvedLate",
              count(*) FILTER (WHERE ${SETTLED} AND d.resolved_at IS NULL AND d.appointment_at >= $3)::int AS "inProgressOnTime",
              count(*) FILTER (WHERE ${SETTLED} AND d.resolved_at IS NULL AND d.appointment_at < $3)::int AS "inProgressOverdue"
         FROM dossiers d LEFT JOIN units u ON u.code = d.unit_code
        WHERE ($1::timestamptz IS NULL OR d.received_at >= $1) AND ($2::timestamptz IS NULL OR d.received_at < $2)
        GROUP BY d.unit_code, u.name ORDER BY d.unit_code`,
      [start, end ? new Date(end.getTime() + 86_400_000) : null, this.clock.now()],
    );
    const units: UnitStats[] = rows.map((r: UnitStats) => withRate(r));
    const total = withRate({ unitCode: '', unitName: 'Toàn tỉnh', ...Object.fromEntries(COUNTS.map((k) => [k, units.reduce((n, u) => n + u[k], 0)])) } as UnitStats);
    return { from: from ?? null, to: to ?? null, units, total };
  }
}

function withRate(row: UnitStats): UnitStats {
  const resolved = row.resolvedEarly + row.resolvedOnTime + row.resolvedLate;
  return { ...row, onTimeRate: resolved ? Math.round(((row.resolvedEarly + row.resolvedOnTime) / resolved) * 1000) / 10 : null };
}

/** A `YYYY-MM-DD` day, read as the start of that day in Vietnam. */
function parseDay(value: string | undefined, field: string): Date | null {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw AppError.badRequest('VALIDATION_FAILED', `${field} must be YYYY-MM-DD`);
  return new Date(`${value}T00:00:00+07:00`);
}
