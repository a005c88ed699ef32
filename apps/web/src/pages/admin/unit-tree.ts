import type { Schemas } from '../../api/schemas';
import type { UnitNode } from './admin.api';

export interface UnitOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: UnitOption[];
}

/** Every unit of the tree, parents first. */
export function flattenUnits(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((node) => [node, ...flattenUnits(node.children)]);
}

/** Table rows: antd shows an expand button only where `children` is set, so leaves get none. */
export function tableRows(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.map((node) => ({
    ...node,
    children: node.children.length ? tableRows(node.children) : (undefined as never),
  }));
}

/**
 * TreeSelect options "name (code)". `exclude` and its descendants are disabled (a unit cannot
 * move under itself or its own child); inactive units are disabled as targets.
 */
export function unitOptions(nodes: readonly UnitNode[], exclude?: string): UnitOption[] {
  return nodes.map((node) => {
    const excluded = node.code === exclude;
    return {
      value: node.code,
      title: `${node.name} (${node.code})`,
      disabled: excluded || !node.active,
      children: node.children.length
        ? unitOptions(excluded ? disableAll(node.children) : node.children, exclude)
        : undefined,
    };
  });
}

function disableAll(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.map((node) => ({ ...node, active: false, children: disableAll(node.children) }));
}

/** A unit of the flat list `GET /api/units` serves (every unit, any administrator's reach). */
export type FlatUnit = Pick<Schemas['UnitDto'], 'code' | 'name' | 'parentCode'>;

/** TreeSelect options "name (code)" from the flat list, nested by `parentCode`. */
export function flatUnitOptions(units: readonly FlatUnit[]): UnitOption[] {
  const known = new Set(units.map((unit) => unit.code));
  const childrenOf = (parent: string | null): UnitOption[] =>
    units
      .filter((unit) =>
        parent === null ? unit.parentCode === null || !known.has(unit.parentCode) : unit.parentCode === parent,
      )
      .map((unit) => {
        const children = childrenOf(unit.code);
        return {
          value: unit.code,
          title: `${unit.name} (${unit.code})`,
          children: children.length ? children : undefined,
        };
      });
  return childrenOf(null);
}

/** "name (code)", or the bare code of a unit missing from the list. */
export function unitLabel(units: readonly FlatUnit[], code: string): string {
  const unit = units.find((candidate) => candidate.code === code);
  return unit ? `${unit.name} (${unit.code})` : code;
}
