import { parseIsoDate } from './iso-date.parser';
import { weekdayOf } from './local-day.util';

/**
 * The day added to Quốc khánh 2/9 (Labour Code 2019 Art. 112(1)(đ): "2/9 and one day before
 * or after"). The yearly schedules pick the side that joins a weekend: 1/9 when 2/9 is a
 * Tuesday (2025), Friday (2022) or Saturday (2023, where 3/9 would be a Sunday); otherwise 3/9
 * (Monday 2024, Thursday 2021). Wednesday has no such side: we take 3/9 and the admin
 * corrects it from the published schedule if needed. The chosen day is never a weekend day.
 */
export function nationalDayBridge(year: number): number {
  const nationalDay = parseIsoDate(`${year}-09-02`) as number;
  const weekday = weekdayOf(nationalDay);
  const dayBefore = weekday === 2 || weekday === 5 || weekday === 6;
  return dayBefore ? nationalDay - 1 : nationalDay + 1;
}
