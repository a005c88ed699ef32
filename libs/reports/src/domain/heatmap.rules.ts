/** One BPMN element's figures over a period: how many steps were completed, their median working time, how many late. */
export interface HeatmapElement {
  elementId: string;
  name: string;
  completed: number;
  /** Median working time from creation to completion, in working hours of each step's unit (2 decimals). */
  medianWorkingHours: number;
  overdue: number;
  /** `overdue / completed`, 4 decimals. */
  overdueRate: number;
}

const HOUR_MS = 3_600_000;

/** The median of `values` (the mean of the two middle ones when even); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** An element's figures from the working times of its completed steps and how many of them were late. */
export function heatmapElement(
  elementId: string,
  name: string,
  workingMs: readonly number[],
  overdue: number,
): HeatmapElement {
  const completed = workingMs.length;
  return {
    elementId,
    name,
    completed,
    overdue,
    medianWorkingHours: round((median(workingMs) ?? 0) / HOUR_MS, 2),
    overdueRate: completed === 0 ? 0 : round(overdue / completed, 4),
  };
}
