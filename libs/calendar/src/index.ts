export { CalendarError, type CalendarErrorCode } from './calendar.error';
export { DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficeSession } from './office-hours.parser';
export type { DurationInput, WorkingDuration } from './working-duration.parser';
export type { HolidayOverrides, HolidayTable, NamedDay } from './holiday-table.types';
export { defaultHolidays } from './default-holidays.factory';
export { applyOverrides } from './holiday-table.overrides';
export { parseHolidayInput } from './holiday-input.parser';
export type { HolidaySource } from './working-day.index';
export type { Pause } from './pause.intervals';
export type { LegalTime } from './appointment.policy';
export { WorkingCalendar, type WorkingCalendarOptions } from './working-calendar.facade';
export {
  describeWorkingHours,
  formatStepDuration,
  isDayTimeDuration,
  isStepDuration,
  normalizeStepDuration,
  parseDayTimeDuration,
  parseIsoDuration,
  parseStepDuration,
  stepDurationDays,
  stepDurationHours,
  wallClockMillis,
  type DurationParts,
} from './step-duration.grammar';
export {
  VIETNAM_OFFSET,
  VIETNAM_OFFSET_MS,
  VIETNAM_TIME_ZONE,
  formatVietnamDate,
  formatVietnamCompact,
  parseVietnamCompact,
  formatVietnamDateTime,
  fromVietnamWallClock,
  parseVietnamInstant,
  startOfVietnamDay,
  vietnamDateSql,
  vietnamDateString,
  vietnamDayNumber,
  vietnamMidnight,
  vietnamWallClock,
  vietnamYear,
  type VietnamWallClock,
} from './vietnam-time';
export type { WorkingTime, StepCalendar } from './working-time.port';
