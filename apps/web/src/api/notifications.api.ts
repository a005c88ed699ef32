import { request } from './client';
import type { Schemas } from './schemas';

/** A notification of the signed-in officer (deadline warning, overdue step of their unit). */
export type AppNotification = Schemas['NotificationDto'];

export type NotificationPage = Schemas['NotificationPageDto'];

/** `GET /api/notifications`: mine, newest first. */
export function listNotifications(options: { unread?: boolean; limit?: number } = {}): Promise<NotificationPage> {
  return request<NotificationPage>('/api/notifications', {
    query: { unread: options.unread ? 'true' : undefined, limit: options.limit ?? 20 },
  });
}

/** `POST /api/notifications/:id/read`. */
export function markNotificationRead(id: string): Promise<AppNotification> {
  return request<AppNotification>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}
