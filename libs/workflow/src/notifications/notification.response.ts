import { ApiProperty } from '@nestjs/swagger';

/** A notification of the signed-in officer (NotificationView). */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'deadline warning, overdue step…' }) kind: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) taskId: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) instanceId: string | null;
  @ApiProperty({ type: 'string', nullable: true }) businessKey: string | null;
  @ApiProperty({ description: 'Vietnamese, shown in the bell' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) readAt: string | null;
}

/** My notifications, newest first. */
export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer', description: 'All unread, whatever the filter' }) unread: number;
}
