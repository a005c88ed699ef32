import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiErrors, Public } from '../../../common/src';
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
  @ApiOperation({
    summary:
      'The SMS gateway\'s webhook: a citizen\'s "HS <code>" gets the status as the reply, "DG <code> <1-5>" from the applicant\'s phone rates the dossier',
  })
  @ApiSecurity('smsSecret')
  @ApiErrors({ 401: ['SMS_SECRET_INVALID'], 429: ['SMS_SECRET_THROTTLED', 'TOO_MANY_REQUESTS'] })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: SmsInboundDto })
  @ApiOkResponse({ type: SmsReplyDto })
  async inbound(@Body() body: Record<string, unknown>): Promise<SmsReplyDto> {
    const from = body?.from ?? body?.From;
    return {
      reply: await this.sms.reply(String(body?.text ?? body?.Body ?? ''), typeof from === 'string' ? from : undefined),
    };
  }
}
