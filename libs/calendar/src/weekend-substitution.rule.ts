import { isWeekend } from './local-day.util';

/** A day off before it is written out as a NamedDay. */
export interface DayOff {
  readonly day: number;
  readonly name: string;
}

/**
 * Labour Code 2019 Art. 111(3): a public holiday that falls on the weekly rest day (Saturday
 * or Sunday for civil servants) is taken on the next working day. Days are handled in date
 * order, so two weekend holidays in a row (30/4 Sat + 1/5 Sun) give Monday and Tuesday, and
 * a substitute never lands on another holiday or substitute.
 */
export function withWeekendSubstitutes(daysOff: readonly DayOff[]): DayOff[] {
  const sorted = [...daysOff].sort((a, b) => a.day - b.day);
  const taken = new Set(sorted.map((d) => d.day));
  const substitutes: DayOff[] = [];
  for (const holiday of sorted) {
    if (!isWeekend(holiday.day)) continue;
    let day = holiday.day + 1;
    while (isWeekend(day) || taken.has(day)) day++;
    taken.add(day);
    substitutes.push({ day, name: `Nghỉ bù ${holiday.name}` });
  }
  return [...sorted, ...substitutes].sort((a, b) => a.day - b.day);
}
