export * from './worktime.module';
export * from './worktime.config';
export * from './services/working-calendar.service';
export * from './services/calendar.snapshot';
export type { HolidayTableView } from './services/holidays.service';
export { OfficeHoursService, type OfficeHoursView } from './services/office-hours.service';
export type { DeadlinePreview, PreviewQuery } from './services/deadline-preview.service';
