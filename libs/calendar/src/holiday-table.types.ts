/** A civil date 'YYYY-MM-DD' with the name shown to officers and citizens. */
export interface NamedDay {
  readonly date: string;
  readonly name: string;
}

/**
 * One year's exceptions to the Monday–Friday week: days off, and weekend days swapped into
 * working days (the government sometimes makes a Saturday a working day to bridge a holiday).
 */
export interface HolidayTable {
  readonly year: number;
  readonly holidays: readonly NamedDay[];
  readonly workingDays: readonly NamedDay[];
}

/** An admin's edits to a year's computed defaults. */
export interface HolidayOverrides {
  /** Extra days off; a date already present gets the new name. */
  readonly add?: readonly NamedDay[];
  /** Dates to drop from the holidays and from the swapped working days. */
  readonly remove?: readonly string[];
  /** Weekend days to be worked. */
  readonly workingDays?: readonly NamedDay[];
}
