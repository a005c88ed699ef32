import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../../../common/src';
import { NotificationQueryDto } from './notification-query.dto';
import { NotificationService } from './notification.service';

/** The caller's own notifications (deadline warnings, overdue steps of their unit). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first: {items, total, unread}' })
  mine(@CurrentUser() user: AuthUser, @Query() query: NotificationQueryDto) {
    return this.notifications.mine(user, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of mine read; 404 NOTIFICATION_NOT_FOUND otherwise' })
  read(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.notifications.markRead(user, id);
  }
}
