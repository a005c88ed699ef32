import { UNIT_REFERENCES } from '../mc-vocabulary';
import type { UnitOption } from './mc-lookups';

export interface SelectOption {
  value?: string;
  label: string;
  disabled?: boolean;
  /** An option group (`<optgroup>`). */
  children?: SelectOption[];
}

/**
 * The unit picker: the relative choices first, then the directory as an indented tree. A code
 * drawn in the diagram but missing from the directory stays selectable, marked as such.
 */
export function unitSelectOptions(units: UnitOption[], current: string | undefined): SelectOption[] {
  const options: SelectOption[] = [{ value: '', label: '— Mặc định: đơn vị tiếp nhận —' }, ...UNIT_REFERENCES];
  const directory = treeOrder(units).map(({ unit, depth }) => ({
    value: unit.code,
    label: `${'\u00a0\u00a0'.repeat(depth)}${unit.name} (${unit.code})`,
  }));
  const drawn = [...options, ...directory].some((option) => option.value === current);
  if (current && !drawn) directory.push({ value: current, label: `${current} (không có trong danh mục)` });
  if (directory.length) options.push({ label: 'Đơn vị cụ thể', children: directory });
  return options;
}

function treeOrder(units: UnitOption[]): { unit: UnitOption; depth: number }[] {
  const known = new Set(units.map((unit) => unit.code));
  const children = new Map<string | null, UnitOption[]>();
  for (const unit of units) {
    const parent = unit.parentCode && known.has(unit.parentCode) ? unit.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const ordered: { unit: UnitOption; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      ordered.push({ unit, depth });
      walk(unit.code, depth + 1);
    }
  };
  walk(null, 0);
  return ordered;
}
