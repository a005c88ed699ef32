import { request } from './client';

/** A notification of the signed-in officer (deadline warning, overdue step of their unit). */
export interface AppNotification {
  id: string;
  kind: string;
  taskId: string | null;
  instanceId: string | null;
  businessKey: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: AppNotification[];
  total: number;
  /** All unread, whatever the filter. */
  unread: number;
}

/** `GET /api/notifications`: mine, newest first. */
export function listNotifications(options: { unread?: boolean; limit?: number } = {}): Promise<NotificationPage> {
  return request<NotificationPage>('/api/notifications', { query: { unread: options.unread ? 'true' : undefined, limit: options.limit ?? 20 } });
}

/** `POST /api/notifications/:id/read`. */
export function markNotificationRead(id: string): Promise<AppNotification> {
  return request<AppNotification>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}
