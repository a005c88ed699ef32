import type { Task } from './api.types';
import type { Schemas } from './schemas';
import { request } from './client';

/** The inbox's filters, as a saved filter keeps them: holder, due state, procedure, search text. */
export type InboxFilter = Schemas['InboxFilterDto'];
export type SavedFilter = Schemas['SavedFilterDto'];
export type SavedFilterList = Schemas['SavedFilterListDto'];

/** `GET /api/tasks`: one page of the caller's inbox, sorted by due time on the server. */
export function listTasks(
  filter: InboxFilter,
  limit: number,
  offset: number,
  wholeUnit = false,
): Promise<Schemas['TaskPageDto']> {
  const query: Record<string, string | number> = { limit, offset };
  if (wholeUnit) query.scope = 'unit';
  if (filter.assignee === 'me') query.assignee = 'me';
  if (filter.assignee === 'unassigned') query.unassigned = 'true';
  if (filter.due === 'overdue') query.overdue = 'true';
  if (filter.procedure) query.procedure = filter.procedure;
  if (filter.q) query.q = filter.q;
  return request<Schemas['TaskPageDto']>('/api/tasks', { query });
}

/** `GET /api/inbox/filters`: the caller's saved filters, by name. */
export function listSavedFilters(): Promise<SavedFilterList> {
  return request<SavedFilterList>('/api/inbox/filters');
}

/** `POST /api/inbox/filters`: 409 SAVED_FILTER_NAME_TAKEN / SAVED_FILTER_LIMIT. */
export function saveFilter(name: string, filter: InboxFilter): Promise<SavedFilter> {
  return request<SavedFilter>('/api/inbox/filters', { method: 'POST', body: { name, filter } });
}

/** `DELETE /api/inbox/filters/:id`: answers the filters left. */
export function deleteSavedFilter(id: string): Promise<SavedFilterList> {
  return request<SavedFilterList>(`/api/inbox/filters/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** `POST /api/tasks/assignable-officers`: who of the head's unit may take the chosen steps. */
export function assignableOfficers(ids: string[]): Promise<Schemas['AssignableOfficersDto']> {
  return request<Schemas['AssignableOfficersDto']>('/api/tasks/assignable-officers', {
    method: 'POST',
    body: { taskIds: ids },
  });
}

/** `POST /api/tasks/bulk-assign`: the head hands each step to `userId` on its own (issue 19 item 1). */
export function assignTasks(ids: string[], userId: string): Promise<BulkTaskResult> {
  return request<BulkTaskResult>('/api/tasks/bulk-assign', { method: 'POST', body: { taskIds: ids, userId } });
}

/** `POST /api/inbox/events/ticket`: a single-use ticket that opens the inbox's event stream (ADR 0022). */
export function inboxStreamTicket(): Promise<Schemas['StreamTicketDto']> {
  return request<Schemas['StreamTicketDto']>('/api/inbox/events/ticket', { method: 'POST' });
}

/** What a bulk action did (`POST /api/tasks/bulk-claim`, `bulk-assign`): each step done or refused with its code. */
export type BulkTaskResult = Schemas['BulkTaskResultDto'];

/** `POST /api/tasks/bulk-claim`: claims each step on its own (issue 19 item 1). */
export function claimTasks(ids: string[]): Promise<BulkTaskResult> {
  return request<BulkTaskResult>('/api/tasks/bulk-claim', { method: 'POST', body: { taskIds: ids } });
}

export function claimTask(id: string): Promise<Task> {
  return request<Task>(`/api/tasks/${encodeURIComponent(id)}/claim`, { method: 'POST' });
}

export function unclaimTask(id: string): Promise<Task> {
  return request<Task>(`/api/tasks/${encodeURIComponent(id)}/unclaim`, { method: 'POST' });
}

/** What a completion sends besides its variables: the officer's opinion and the ids of the files attached for the step. */
export interface CompletionOpinion {
  opinion?: string;
  attachments?: string[];
}

/** Completes a task the caller has claimed; `variables` go to the process instance, the opinion is stored with the step. */
export function completeTask(
  id: string,
  variables: Record<string, unknown>,
  opinion: CompletionOpinion = {},
): Promise<Task> {
  const body: Record<string, unknown> = { variables };
  if (opinion.opinion?.trim()) body.opinion = opinion.opinion.trim();
  if (opinion.attachments?.length) body.attachments = opinion.attachments;
  return request<Task>(`/api/tasks/${encodeURIComponent(id)}/complete`, { method: 'POST', body });
}

/** `GET /api/tasks/:id/opinions`: the opinions written on the task's dossier so far, newest first. */
export function listTaskOpinions(id: string): Promise<Schemas['OpinionPageDto']> {
  return request<Schemas['OpinionPageDto']>(`/api/tasks/${encodeURIComponent(id)}/opinions`);
}

/** Vietnamese for the codes a completion may meet (the server's messages are for developers). */
export const COMPLETION_ERROR_MESSAGES: Record<string, string> = {
  OPINION_REQUIRED: 'Bước này yêu cầu nhập ý kiến xử lý cho kết quả đã chọn.',
  ATTACHMENT_REQUIRED: 'Bước này yêu cầu đính kèm ít nhất một tệp (PDF, JPEG hoặc PNG).',
  FILE_NOT_ATTACHABLE:
    'Có tệp đính kèm không thuộc bước xử lý này của hồ sơ. Vui lòng tải tệp lên lại trong hộp thoại này.',
  TASK_NOT_OPEN: 'Bước xử lý này đã được hoàn thành hoặc đã đóng; danh sách đã được cập nhật.',
  TASK_CLAIMED_BY_OTHER: 'Bước xử lý này đã được cán bộ khác nhận xử lý.',
  TASK_NOT_CANDIDATE: 'Vai trò của bạn không được xử lý bước này.',
  TASK_NOT_FOUND: 'Không tìm thấy bước xử lý, hoặc bước không thuộc đơn vị của bạn.',
};
