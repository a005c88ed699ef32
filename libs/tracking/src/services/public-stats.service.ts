import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { vietnamMidnight } from '../../../calendar/src';
import { AppError, CLOCK, type Clock } from '../../../common/src';
import { outcomesByUnitSql } from '../../../dossiers/src';
import { countsAsResolvedSql } from '../../../reports/src/domain/refusal.rule';
import { setting } from '../../../config/src';

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

/**
 * Counted as resolved or in progress: every dossier but a withdrawn one. A refusal is the
 * dossier's answer and counts as resolved when handed back, as in Biểu II.06a (the rule and its
 * ground: libs/reports refusal.rule.ts); a withdrawal is neither.
 */
const SETTLED = countsAsResolvedSql('d');

const COUNTS = [
  'received',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProgressOnTime',
  'inProgressOverdue',
] as const;

export interface PublicStats {
  from: string | null;
  to: string | null;
  units: UnitStats[];
  total: UnitStats;
  /** When these figures were computed (answers are reused for `STATS_CACHE_SECONDS`). */
  asOf: Date;
}

/** Periods whose figures a process keeps at once (any from/to may be asked for). */
const CACHED_PERIODS = 100;

/**
 * The provincial aggregate (issue 5): dossiers received in the period, per receiving unit.
 * Early = resolved on a Vietnam day before the appointment's day; on time = by the appointment;
 * refused dossiers are resolved when the refusal is handed back (refusal.rule.ts); withdrawn ones
 * are neither resolved nor in progress.
 *
 * The page is public and refreshes itself, and at province size one aggregate reads every
 * dossier of the period (0.5 s: bench/RESULTS.md). So each process computes a period at most once
 * per `STATS_CACHE_SECONDS` (60 s; 0 = always fresh), and callers asking meanwhile share that
 * answer, even while it is being computed.
 */
@Injectable()
export class PublicStatsService {
  private readonly ttlMs = setting('STATS_CACHE_SECONDS') * 1000;
  private readonly cache = new Map<string, { at: number; value: Promise<PublicStats> }>();

  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** How long an answer may be reused, in seconds (the controller's `Cache-Control`). */
  get maxAgeSeconds(): number {
    return this.ttlMs / 1000;
  }

  async stats(from?: string, to?: string): Promise<PublicStats> {
    const start = parseDay(from, 'from');
    const end = parseDay(to, 'to');
    if (!this.ttlMs) return this.compute(from, to, start, end);
    const key = `${from ?? ''}|${to ?? ''}`;
    const now = performance.now();
    const kept = this.cache.get(key);
    if (kept && now - kept.at < this.ttlMs) return kept.value;
    const value = this.compute(from, to, start, end);
    this.cache.delete(key);
    this.cache.set(key, { at: now, value });
    value.catch(() => this.cache.get(key)?.value === value && this.cache.delete(key));
    if (this.cache.size > CACHED_PERIODS) this.cache.delete(this.cache.keys().next().value!);
    return value;
  }

  private async compute(
    from: string | undefined,
    to: string | undefined,
    start: Date | null,
    end: Date | null,
  ): Promise<PublicStats> {
    const rows = await this.db.query(outcomesByUnitSql(SETTLED), [
      start,
      end ? new Date(end.getTime() + 86_400_000) : null,
      this.clock.now(),
    ]);
    const units: UnitStats[] = rows.map((r: UnitStats) => withRate(r));
    const total = withRate({
      unitCode: '',
      unitName: 'Toàn tỉnh',
      ...Object.fromEntries(COUNTS.map((k) => [k, units.reduce((n, u) => n + u[k], 0)])),
    } as UnitStats);
    return { from: from ?? null, to: to ?? null, units, total, asOf: this.clock.now() };
  }
}

function withRate(row: UnitStats): UnitStats {
  const resolved = row.resolvedEarly + row.resolvedOnTime + row.resolvedLate;
  return {
    ...row,
    onTimeRate: resolved ? Math.round(((row.resolvedEarly + row.resolvedOnTime) / resolved) * 1000) / 10 : null,
  };
}

/** A `YYYY-MM-DD` day, read as the start of that day in Vietnam. */
function parseDay(value: string | undefined, field: string): Date | null {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw AppError.badRequest('VALIDATION_FAILED', `${field} must be YYYY-MM-DD`);
  return vietnamMidnight(value);
}
