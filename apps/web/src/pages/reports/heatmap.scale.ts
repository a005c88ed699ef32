/** What the heatmap colours a step by. */
export type HeatmapMeasure = 'overdueRate' | 'medianWorkingHours';

/** One band of a colour scale: values below `below` (and at or above the previous band's) take `color`. */
export interface HeatBand {
  below: number;
  color: string;
  label: string;
}

/** A step with no step completed in the period. */
export const NO_DATA = { color: '#f0f0f0', label: 'Không có bước hoàn thành trong kỳ' };

/** The legend of each measure, mild to severe (a working day is 8 hours). */
export const HEAT_BANDS: Record<HeatmapMeasure, HeatBand[]> = {
  overdueRate: [
    { below: 0.05, color: '#b7eb8f', label: 'Dưới 5% quá hạn' },
    { below: 0.2, color: '#fff566', label: 'Từ 5% đến dưới 20%' },
    { below: 0.5, color: '#ffc069', label: 'Từ 20% đến dưới 50%' },
    { below: Infinity, color: '#ff7875', label: 'Từ 50% trở lên' },
  ],
  medianWorkingHours: [
    { below: 4, color: '#b7eb8f', label: 'Dưới 4 giờ làm việc' },
    { below: 8, color: '#fff566', label: 'Từ 4 giờ đến dưới 1 ngày' },
    { below: 24, color: '#ffc069', label: 'Từ 1 đến dưới 3 ngày làm việc' },
    { below: Infinity, color: '#ff7875', label: 'Từ 3 ngày làm việc trở lên' },
  ],
};

/** The colour of a value on a measure's scale. */
export function heatColor(measure: HeatmapMeasure, value: number | undefined): string {
  if (value === undefined) return NO_DATA.color;
  return HEAT_BANDS[measure].find((band) => value < band.below)!.color;
}
