import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser } from '../../../common/src';
import { isUuid } from '../persistence/uuid';
import type { Sql } from '../persistence/sql';
import { CommandExecutor } from '../runtime/command.executor';
import type { NewNotification, NotificationView } from './notification.view';
import { NotificationsRepository } from './notifications.repository';

/** The notifications facade: officers read theirs; modules send inside their own transaction. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly executor: CommandExecutor,
  ) {}

  /** The caller's notifications, newest first; `unread` counts all unread whatever the filter. */
  mine(
    user: AuthUser,
    query: { unread?: boolean; limit: number; offset: number },
  ): Promise<{ items: NotificationView[]; total: number; unread: number }> {
    return this.notifications.list(user.username, query);
  }

  /** 404 `NOTIFICATION_NOT_FOUND` for an unknown id or someone else's. */
  async markRead(user: AuthUser, id: string): Promise<NotificationView> {
    const read = isUuid(id) ? await this.notifications.markRead(user.username, id, this.executor.now()) : undefined;
    if (!read) throw AppError.notFound('NOTIFICATION_NOT_FOUND', `Notification ${id} not found`);
    return read;
  }

  /** Sends notifications as part of the caller's transaction (e.g. a job handler's). */
  send(sql: Sql, notifications: readonly NewNotification[]): Promise<number> {
    return this.notifications.insert(sql, notifications, this.executor.now());
  }
}
