import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentUser, type AuthUser } from '../../../common/src';
import { NotificationDto, NotificationPageDto } from './notification.response';
import { NotificationQueryDto } from './notification-query.dto';
import { NotificationService } from './notification.service';

/** The caller's own notifications (deadline warnings, overdue steps of their unit). */
@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  mine(@CurrentUser() user: AuthUser, @Query() query: NotificationQueryDto) {
    return this.notifications.mine(user, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of mine read' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiErrors({ 404: ['NOTIFICATION_NOT_FOUND'] })
  read(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.notifications.markRead(user, id);
  }
}
