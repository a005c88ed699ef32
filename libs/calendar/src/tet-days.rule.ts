import type { DayOff } from './weekend-substitution.rule';

const LABELS = ['trước Tết', 'giao thừa', 'mùng 1', 'mùng 2', 'mùng 3'];

/**
 * The 5 days of Tết Nguyên Đán (Labour Code 2019 Art. 112(1)(b)) as a default: the two days
 * before the lunar new year and its first three days, each weekend one then substituted by
 * Art. 111. This reproduces the civil servants' schedules of 2021–2026 (e.g. 2026: Monday
 * 16/2 to Friday 20/2 off). The government publishes the exact days every year, so an admin
 * overrides them when they differ.
 */
export function tetDays(lunarNewYearDay: number): DayOff[] {
  return LABELS.map((label, i) => ({ day: lunarNewYearDay - 2 + i, name: `Tết Nguyên Đán (${label})` }));
}
