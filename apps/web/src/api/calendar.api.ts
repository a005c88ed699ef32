import { request } from './client';
import type { Schemas } from './schemas';

/** A civil date 'YYYY-MM-DD' with its name. */
export type NamedDay = Schemas['NamedDayDto'];

/** `GET /api/calendar/holidays`: a year's days off and swapped working days (`source` default: computed; custom: saved). */
export type HolidayTable = Schemas['HolidayTableViewDto'];

export type OfficeSession = Schemas['OfficeSessionDto'];

/** `GET /api/calendar/office-hours`: the sessions that apply to a unit (or the province). */
export type OfficeHours = Schemas['OfficeHoursViewDto'];

export type DeadlinePreview = Schemas['DeadlinePreviewDto'];

/** A unit of `GET /api/units`. */
export type UnitSummary = Schemas['UnitDto'];

export function getHolidays(year: number): Promise<HolidayTable> {
  return request<HolidayTable>('/api/calendar/holidays', { query: { year } });
}

/** Replaces the year's table; 400 CALENDAR_INVALID_HOLIDAYS with `details` when any entry is wrong. */
export function saveHolidays(
  year: number,
  table: { holidays: NamedDay[]; workingDays: NamedDay[] },
): Promise<HolidayTable> {
  return request<HolidayTable>('/api/calendar/holidays', { method: 'PUT', query: { year }, body: table });
}

export function resetHolidays(year: number): Promise<HolidayTable> {
  return request<HolidayTable>('/api/calendar/holidays', { method: 'DELETE', query: { year } });
}

/** Without a unit: the province default. */
export function getOfficeHours(unitCode?: string): Promise<OfficeHours> {
  return request<OfficeHours>('/api/calendar/office-hours', { query: { unit: unitCode } });
}

export function saveOfficeHours(unitCode: string | undefined, sessions: OfficeSession[]): Promise<OfficeHours> {
  return request<OfficeHours>('/api/calendar/office-hours', {
    method: 'PUT',
    query: { unit: unitCode },
    body: { sessions },
  });
}

export function resetOfficeHours(unitCode?: string): Promise<OfficeHours> {
  return request<OfficeHours>('/api/calendar/office-hours', { method: 'DELETE', query: { unit: unitCode } });
}

/** `from` without an offset is read as Vietnam time by the server. */
export function previewDeadline(query: {
  from: string;
  duration?: string;
  sameDay?: boolean;
  unit?: string;
}): Promise<DeadlinePreview> {
  return request<DeadlinePreview>('/api/calendar/preview', { query });
}

/** `GET /api/units`: the unit tree, parents first. */
export async function listUnits(): Promise<UnitSummary[]> {
  return (await request<Schemas['UnitListDto']>('/api/units')).items;
}
