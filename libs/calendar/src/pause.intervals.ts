import { CalendarError } from './calendar.error';
import { toEpochMs } from './instant.parser';
import { negate, type WorkingTimeWalker } from './working-time.walker';

/** A stretch during which the clock of a dossier stood still (waiting for the citizen's supplement). */
export interface Pause {
  readonly from: Date;
  readonly to: Date;
}

/**
 * Pauses as sorted, disjoint [from, to) ms intervals, so overlapping or repeated pauses are
 * never subtracted twice; and the pause-aware versions of add and between.
 */
export class PauseIntervals {
  private constructor(private readonly spans: readonly (readonly [number, number])[]) {}

  static of(pauses: readonly Pause[] = []): PauseIntervals {
    const spans = pauses.map((pause, i) => {
      const from = toEpochMs(pause?.from, `pauses[${i}].from`);
      const to = toEpochMs(pause?.to, `pauses[${i}].to`);
      if (to < from) {
        throw new CalendarError(
          'CALENDAR_INVALID_PAUSE',
          `pauses[${i}] ends (${pause.to.toISOString()}) before it starts (${pause.from.toISOString()})`,
        );
      }
      return [from, to] as [number, number];
    });
    spans.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const span of spans) {
      const last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push([span[0], span[1]]);
    }
    return new PauseIntervals(merged);
  }

  get isEmpty(): boolean {
    return this.spans.length === 0;
  }

  /** Working ms in [from, to) outside every pause; negative when to < from. */
  between(walker: WorkingTimeWalker, from: number, to: number): number {
    if (to < from) return negate(this.between(walker, to, from));
    let total = walker.between(from, to);
    for (const [pauseFrom, pauseTo] of this.spans) {
      const start = Math.max(pauseFrom, from);
      const end = Math.min(pauseTo, to);
      if (start < end) total -= walker.between(start, end);
    }
    return total;
  }

  /** The earliest instant u with between(from, u) = durationMs, skipping the pauses. */
  add(walker: WorkingTimeWalker, from: number, durationMs: number): number {
    if (durationMs === 0) return from;
    let cursor = from;
    let left = durationMs;
    for (const [pauseFrom, pauseTo] of this.spans) {
      if (pauseTo <= cursor) continue;
      if (pauseFrom > cursor) {
        const beforePause = walker.between(cursor, pauseFrom);
        if (left <= beforePause) return walker.add(cursor, left);
        left -= beforePause;
      }
      cursor = pauseTo;
    }
    return walker.add(cursor, left);
  }
}
