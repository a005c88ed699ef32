import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../../../common/src';
import { SmsInboundService } from '../services/sms-inbound.service';
import { SmsSecretGuard } from '../throttle/sms-secret.guard';
import { SmsThrottlerGuard } from '../throttle/tracking-throttler.guard';

/** `POST /api/sms/inbound`: the SMS gateway's webhook, JSON `{from, text}` or form `From`/`Body`. */
@Controller('api/sms')
@Public()
export class SmsInboundController {
  constructor(private readonly sms: SmsInboundService) {}

  @Post('inbound')
  @HttpCode(200)
  @UseGuards(SmsSecretGuard, SmsThrottlerGuard)
  @SkipThrottle({ lookup: true })
  async inbound(@Body() body: Record<string, unknown>) {
    return { reply: await this.sms.reply(String(body?.text ?? body?.Body ?? '')) };
  }
}
