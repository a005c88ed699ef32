import type { Page, Task, TaskFilter } from './api.types';
import { request } from './client';

const filterQuery: Record<TaskFilter, Record<string, string>> = {
  all: {},
  mine: { assignee: 'me' },
  unassigned: { unassigned: 'true' },
  overdue: { overdue: 'true' },
};

/** `GET /api/tasks`: the caller's inbox, sorted by due time on the server. */
/** One page of the inbox; `code` narrows it to dossiers whose code contains it. */
export function listTasks(filter: TaskFilter, limit: number, offset: number, code?: string): Promise<Page<Task>> {
  return request<Page<Task>>('/api/tasks', { query: { ...filterQuery[filter], ...(code ? { q: code } : {}), limit, offset } });
}

export function claimTask(id: string): Promise<unknown> {
  return request(`/api/tasks/${encodeURIComponent(id)}/claim`, { method: 'POST' });
}

export function unclaimTask(id: string): Promise<unknown> {
  return request(`/api/tasks/${encodeURIComponent(id)}/unclaim`, { method: 'POST' });
}

/** Completes a task the caller has claimed; `variables` go to the process instance. */
export function completeTask(id: string, variables: Record<string, unknown>): Promise<unknown> {
  return request(`/api/tasks/${encodeURIComponent(id)}/complete`, { method: 'POST', body: { variables } });
}
