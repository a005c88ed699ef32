import type { SummaryCounts } from './summary.rules';

/**
 * The six-monthly and yearly report on use of the one-stop system (Đắk Lắk's regulation asks
 * for one every six months), per unit and procedure. Its counts are Biểu II.06a's, on the same
 * rules; it adds the rates and the average processing time.
 */
export interface PeriodicTally {
  /** Unfinished at the period's start, received before it. */
  carriedOver: number;
  /** Newly received within the period, and of them online. */
  received: number;
  receivedOnline: number;
  /** Resolved within the period (result ready or refused), and of them by the appointment (early or on time) or after it. */
  resolved: number;
  resolvedOnTime: number;
  resolvedLate: number;
  /** Unfinished at the period's end, and of them past the appointment. */
  inProgress: number;
  inProgressOverdue: number;
  /** Sum over the resolved dossiers of their processing time, in working days. */
  processingDays: number;
  /** Dossiers whose fee was paid online within the period, and the VND collected (ADR 0029). */
  feesPaidOnline: number;
  feesCollectedOnline: number;
}

export interface PeriodicFigures extends PeriodicTally {
  /** resolvedOnTime / resolved, in percent with one decimal; null when nothing was resolved. */
  onTimeRate: number | null;
  /** receivedOnline / received, in percent with one decimal; null when nothing was received. */
  onlineShare: number | null;
  /** processingDays / resolved, in working days with one decimal; null when nothing was resolved. */
  averageProcessingDays: number | null;
}

export type PeriodicHalf = 1 | 2;

/** The Vietnam days of a half-year (1: January–June, 2: July–December) or of the whole year. */
export function periodicPeriod(year: number, half?: PeriodicHalf): { from: string; to: string } {
  if (half === 1) return { from: `${year}-01-01`, to: `${year}-06-30` };
  if (half === 2) return { from: `${year}-07-01`, to: `${year}-12-31` };
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export const emptyTally = (): PeriodicTally => ({
  carriedOver: 0,
  received: 0,
  receivedOnline: 0,
  resolved: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  inProgress: 0,
  inProgressOverdue: 0,
  processingDays: 0,
  feesPaidOnline: 0,
  feesCollectedOnline: 0,
});

/** The tally of a II.06a line (processing time and online fees still to add). */
export function tallyOf(counts: SummaryCounts): PeriodicTally {
  return {
    carriedOver: counts.carriedOver,
    received: counts.receivedOnline + counts.receivedDirect,
    receivedOnline: counts.receivedOnline,
    resolved: counts.resolved,
    resolvedOnTime: counts.resolvedEarly + counts.resolvedOnTime,
    resolvedLate: counts.resolvedLate,
    inProgress: counts.inProgress,
    inProgressOverdue: counts.inProgressOverdue,
    processingDays: 0,
    feesPaidOnline: 0,
    feesCollectedOnline: 0,
  };
}

/** Adds tallies field by field. */
export function addTallies(tallies: readonly PeriodicTally[]): PeriodicTally {
  const sum = emptyTally();
  for (const tally of tallies)
    for (const field of Object.keys(sum) as (keyof PeriodicTally)[]) sum[field] += tally[field];
  return sum;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const percent = (part: number, whole: number) => (whole ? oneDecimal((part / whole) * 100) : null);

/** The tally with its rates and average. */
export function figuresOf(tally: PeriodicTally): PeriodicFigures {
  return {
    ...tally,
    processingDays: oneDecimal(tally.processingDays),
    onTimeRate: percent(tally.resolvedOnTime, tally.resolved),
    onlineShare: percent(tally.receivedOnline, tally.received),
    averageProcessingDays: tally.resolved ? oneDecimal(tally.processingDays / tally.resolved) : null,
  };
}
