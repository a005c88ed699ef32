import { request } from '../../api/client';
import type { Schemas } from '../../api/schemas';

export type JobState = keyof Schemas['JobCountsDto'];

export type OperationsSummary = Schemas['OperationsSummaryDto'];

export type OperationsJob = Schemas['OperationsJobDto'];

export type OperationsIncident = Schemas['OperationsIncidentDto'];

/** An outbound SMS the gateway keeps refusing (`GET /api/admin/operations/sms`). */
export type FailingSms = Schemas['FailingSmsDto'];

export interface JobFilter {
  state: JobState;
  kind?: string;
  q?: string;
  limit: number;
  offset: number;
}

export interface IncidentFilter {
  status: 'open' | 'resolved' | 'all';
  kind?: string;
  q?: string;
  limit: number;
  offset: number;
}

export interface SmsFilter {
  q?: string;
  limit: number;
  offset: number;
}

const BASE = '/api/admin/operations';

/** The operations endpoints (`/api/admin/operations/...`). */
export const operationsApi = {
  summary: () => request<OperationsSummary>(`${BASE}/summary`),
  jobs: (filter: JobFilter) => request<Schemas['OperationsJobPageDto']>(`${BASE}/jobs`, { query: { ...filter } }),
  incidents: (filter: IncidentFilter) =>
    request<Schemas['OperationsIncidentPageDto']>(`${BASE}/incidents`, { query: { ...filter } }),
  retryIncident: (id: string, reason: string) =>
    request<OperationsIncident>(`${BASE}/incidents/${id}/retry`, { method: 'POST', body: { reason } }),
  bulkRetry: (body: Schemas['BulkRetryIncidentsDto']) =>
    request<Schemas['BulkIncidentRetryDto']>(`${BASE}/incidents/bulk-retry`, { method: 'POST', body }),
  bulkCancel: (body: Schemas['BulkCancelInstancesDto']) =>
    request<Schemas['BulkInstanceCancelDto']>(`${BASE}/instances/bulk-cancel`, { method: 'POST', body }),
  liveInstances: (query: { definitionKey: string; version?: number; elementId?: string; q?: string }) =>
    request<Schemas['BulkInstancePageDto']>(`${BASE}/instances`, { query }),
  planMigration: (body: Schemas['MigrationDto']) =>
    request<Schemas['MigrationReportDto']>('/api/admin/migrations/plan', { method: 'POST', body }),
  migrate: (body: Schemas['MigrationDto']) =>
    request<Schemas['MigrationReportDto']>('/api/admin/migrations', { method: 'POST', body }),
  failingSms: (filter: SmsFilter) => request<Schemas['FailingSmsListDto']>(`${BASE}/sms`, { query: { ...filter } }),
  retrySms: (id: string, reason: string) =>
    request<FailingSms>(`${BASE}/sms/${id}/retry`, { method: 'POST', body: { reason } }),
};

/** Vietnamese names of the job kinds an administrator meets. */
export const JOB_KIND_LABELS: Record<string, string> = {
  timer: 'Hẹn giờ',
  service: 'Tác vụ dịch vụ',
  'deadline.warning': 'Nhắc sắp đến hạn',
  'deadline.overdue': 'Báo quá hạn',
  'timer.start': 'Khởi động theo lịch',
  'appointment.reminder': 'Nhắc ngày hẹn trả',
  'signal.broadcast': 'Phát tín hiệu',
  'signal.deliver': 'Chuyển tín hiệu',
};
