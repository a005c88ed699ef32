import type { ProcessModel } from '../runtime/engine.port';

/** `mc:unit` values resolved against the receiving unit: they never name a unit by code. */
const RELATIVE = new Set(['receiving', 'parent', 'province']);

/**
 * The units a diagram names by code: every user task's `mc:unit` (in subprocesses too) that is
 * not relative to the receiving unit. An expression (`=…`) is kept as written, so it is refused
 * like any unit the deployer does not administer.
 */
export function unitsNamedIn(model: ProcessModel): string[] {
  const units = new Set<string>();
  for (const element of Object.values(model.elements)) {
    const unit = element.userTask?.unit?.trim();
    if (unit && !RELATIVE.has(unit)) units.add(unit);
  }
  return [...units].sort();
}

/** The process keys the diagram's call activities start (their latest version, at run time). */
export function calledKeysOf(model: ProcessModel): string[] {
  const keys = new Set<string>();
  for (const element of Object.values(model.elements)) {
    const called = element.call?.calledElement?.trim();
    if (called) keys.add(called);
  }
  return [...keys].sort();
}
