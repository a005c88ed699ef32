import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  ApiErrors,
  AppError,
  asWire,
  AUDIT_LOG,
  CurrentUser,
  FIELD_LIMITS,
  MAX_OFFSET,
  Roles,
  type AuditLog,
  type AuthUser,
} from '../../../common/src';
import { SmsOutboxAdminRepository } from '../repositories/sms-outbox-admin.repository';

export class FailingSmsQueryDto {
  @ApiPropertyOptional({ description: 'Dossier code, in part' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
  @ApiPropertyOptional({ type: 'integer', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 20;
  @ApiPropertyOptional({ type: 'integer', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset = 0;
}

export class SmsRetryDto {
  @ApiProperty({ example: 'Nhà mạng đã khắc phục sự cố' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.reason)
  reason: string;
}

/** An outbound SMS the gateway refused at least once and that is not sent yet. */
export class FailingSmsDto {
  @ApiProperty({ example: '42' }) id: string;
  @ApiProperty({ description: 'The dossier code' }) code: string;
  @ApiProperty({ example: 'received', description: 'Which message: received, status change, reminder, …' })
  kind: string;
  @ApiProperty() phone: string;
  @ApiProperty() attempts: number;
  @ApiProperty() lastError: string;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class FailingSmsListDto {
  @ApiProperty({ type: [FailingSmsDto] }) items: FailingSmsDto[];
  @ApiProperty() total: number;
}

/** Vận hành: outbound SMS the gateway keeps refusing, and "send now" with a reason (audited as `sms.retried`). */
@ApiTags('admin')
@Roles('admin')
@Controller('api/admin/operations/sms')
export class SmsOutboxAdminController {
  constructor(
    private readonly outbox: SmsOutboxAdminRepository,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Messages not sent yet whose last attempt failed, newest first' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  @ApiOkResponse({ type: FailingSmsListDto })
  async failing(@Query() query: FailingSmsQueryDto): Promise<FailingSmsListDto> {
    return asWire(await this.outbox.failing(query));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failing message at the next outbox tick, with a reason (audited as sms.retried)' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['SMS_NOT_FOUND'], 409: ['SMS_NOT_FAILING'] })
  @ApiOkResponse({ type: FailingSmsDto, description: 'The message, due now' })
  async retry(
    @Param('id') id: string,
    @Body() body: SmsRetryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FailingSmsDto> {
    const numeric = /^\d{1,18}$/.test(id);
    const message = numeric ? await this.outbox.sendNow(id) : undefined;
    if (!message) {
      if (!numeric || !(await this.outbox.exists(id)))
        throw AppError.notFound('SMS_NOT_FOUND', `No outbound SMS ${id}`);
      throw AppError.conflict('SMS_NOT_FAILING', `SMS ${id} is sent or was never tried`);
    }
    await this.audit.record({
      actor: user.username,
      action: 'sms.retried',
      subject: `dossier:${message.code}`,
      data: { smsId: id, reason: body.reason, kind: message.kind },
    });
    return asWire(message);
  }
}
