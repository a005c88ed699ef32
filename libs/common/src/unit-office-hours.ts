/** A unit as far as office hours go: `officeHours` is raw jsonb (null = the province default). */
export interface UnitHoursRow {
  code: string;
  officeHours: unknown;
}

/**
 * A unit's own office hours, kept in libs/identity's `units.office_hours` column: libs/worktime reads and
 * sets them through this port (its peer layer, which it may not import), so it names no table of
 * identity's (issue 17 item 4). libs/identity provides it under `UNIT_OFFICE_HOURS`; one statement per call.
 */
export interface UnitOfficeHours {
  /** Units that have hours of their own. */
  withOwnHours(): Promise<UnitHoursRow[]>;
  /** The unit, undefined when there is no such unit. */
  find(code: string): Promise<UnitHoursRow | undefined>;
  /** True when `code` is `ancestorCode` or one of its descendants. */
  isWithin(code: string, ancestorCode: string): Promise<boolean>;
  /** Sets (or with null, clears) a unit's own hours, given as JSON text; false when there is no such unit. */
  save(code: string, officeHoursJson: string | null): Promise<boolean>;
}
export const UNIT_OFFICE_HOURS = Symbol('UNIT_OFFICE_HOURS');
