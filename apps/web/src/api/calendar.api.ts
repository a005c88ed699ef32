import { request } from './client';

/** A civil date 'YYYY-MM-DD' with its name. */
export interface NamedDay {
  date: string;
  name: string;
}

/** `GET /api/calendar/holidays`: a year's days off and swapped working days. */
export interface HolidayTable {
  year: number;
  holidays: NamedDay[];
  workingDays: NamedDay[];
  /** `default`: computed from the Labour Code; `custom`: saved by an administrator. */
  source: 'default' | 'custom';
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface OfficeSession {
  start: string;
  end: string;
}

/** `GET /api/calendar/office-hours`: the sessions that apply to a unit (or the province). */
export interface OfficeHours {
  unitCode: string | null;
  sessions: OfficeSession[];
  source: 'default' | 'unit';
  workingDayMinutes: number;
}

export interface DeadlinePreview {
  from: string;
  countingStartsAt: string;
  dueAt: string;
  duration: string | null;
  sameDay: boolean;
  unitCode: string | null;
}

export interface UnitSummary {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  active: boolean;
}

export function getHolidays(year: number): Promise<HolidayTable> {
  return request<HolidayTable>('/api/calendar/holidays', { query: { year } });
}

/** Replaces the year's table; 400 CALENDAR_INVALID_HOLIDAYS with `details` when any entry is wrong. */
export function saveHolidays(year: number, table: { holidays: NamedDay[]; workingDays: NamedDay[] }): Promise<HolidayTable> {
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
  return request<OfficeHours>('/api/calendar/office-hours', { method: 'PUT', query: { unit: unitCode }, body: { sessions } });
}

export function resetOfficeHours(unitCode?: string): Promise<OfficeHours> {
  return request<OfficeHours>('/api/calendar/office-hours', { method: 'DELETE', query: { unit: unitCode } });
}

/** `from` without an offset is read as Vietnam time by the server. */
export function previewDeadline(query: { from: string; duration?: string; sameDay?: boolean; unit?: string }): Promise<DeadlinePreview> {
  return request<DeadlinePreview>('/api/calendar/preview', { query });
}

/** `GET /api/units`: the unit tree, parents first. */
export async function listUnits(): Promise<UnitSummary[]> {
  return (await request<{ items: UnitSummary[] }>('/api/units')).items;
}
