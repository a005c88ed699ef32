import type { Task, TaskFilter } from './api.types';
import type { Schemas } from './schemas';
import { request } from './client';

const filterQuery: Record<TaskFilter, Record<string, string>> = {
  all: {},
  mine: { assignee: 'me' },
  unassigned: { unassigned: 'true' },
  overdue: { overdue: 'true' },
};

/** `GET /api/tasks`: the caller's inbox, sorted by due time on the server. */
/** One page of the inbox; `code` narrows it to dossiers whose code contains it. */
export function listTasks(
  filter: TaskFilter,
  limit: number,
  offset: number,
  code?: string,
): Promise<Schemas['TaskPageDto']> {
  return request<Schemas['TaskPageDto']>('/api/tasks', {
    query: { ...filterQuery[filter], ...(code ? { q: code } : {}), limit, offset },
  });
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
