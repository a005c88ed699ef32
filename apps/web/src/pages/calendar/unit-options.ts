import type { UnitSummary } from '../../api/calendar.api';

/** '' stands for the province default in the unit selects. */
export const PROVINCE = '';

/** Select options: the province default first, then every active unit as "name (code)". */
export function unitOptions(units: readonly UnitSummary[], provinceLabel: string) {
  return [
    { value: PROVINCE, label: provinceLabel },
    ...units.filter((unit) => unit.active).map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` })),
  ];
}
