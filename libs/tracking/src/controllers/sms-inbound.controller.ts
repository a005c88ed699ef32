import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../../../common/src';
import { SmsInboundDto, SmsReplyDto } from '../dtos/tracking.dto';
import { SmsInboundService } from '../services/sms-inbound.service';
import { SmsSecretGuard } from '../throttle/sms-secret.guard';
import { SmsThrottlerGuard } from '../throttle/tracking-throttler.guard';

/** `POST /api/sms/inbound`: the SMS gateway's webhook, JSON `{from, text}` or form `From`/`Body`. */
@ApiTags('sms')
@Controller('api/sms')
@Public()
export class SmsInboundController {
  constructor(private readonly sms: SmsInboundService) {}

  @Post('inbound')
  @HttpCode(200)
  @UseGuards(SmsSecretGuard, SmsThrottlerGuard)
  @SkipThrottle({ lookup: true })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: SmsInboundDto })
  @ApiOkResponse({ type: SmsReplyDto })
  async inbound(@Body() body: Record<string, unknown>): Promise<SmsReplyDto> {
    return { reply: await this.sms.reply(String(body?.text ?? body?.Body ?? '')) };
  }
}
