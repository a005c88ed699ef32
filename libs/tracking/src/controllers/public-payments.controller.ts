import { Controller, Get, HttpCode, Ip, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiErrors, asWire, Public } from '../../../common/src';
import { PaymentReturnDto, PaymentsService, PaymentStartDto } from '../../../payments/src';
import { TrackingThrottlerGuard } from '../throttle/tracking-throttler.guard';

/**
 * The citizen's fee payment (issue 18 item 5, ADR 0029), rate-limited like the lookup: start with code and lookup
 * key, and the return page's check of what the gateway sent the browser back with. The gateway's own
 * notification is libs/payments' `GET /api/payments/vnpay/ipn`.
 */
@ApiTags('public')
@Controller('api/public')
@Public()
@UseGuards(TrackingThrottlerGuard)
@SkipThrottle({ sms: true })
export class PublicPaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('dossiers/:code/payments')
  @HttpCode(200)
  @ApiOperation({
    summary: "Start paying a dossier's fee online with code and lookup key: answers the gateway's signed pay URL",
  })
  @ApiErrors({
    403: ['LOOKUP_KEY_INVALID'],
    404: ['DOSSIER_NOT_FOUND'],
    409: ['PAYMENT_ALREADY_PAID', 'PAYMENT_NOT_REQUIRED'],
    429: ['TOO_MANY_REQUESTS'],
    503: ['PAYMENT_UNAVAILABLE'],
  })
  @ApiQuery({ name: 'key', required: true, description: 'The lookup key from the receipt' })
  @ApiOkResponse({ type: PaymentStartDto })
  async start(@Param('code') code: string, @Ip() ip: string, @Query('key') key?: string): Promise<PaymentStartDto> {
    return this.payments.startWithLookupKey(code, typeof key === 'string' ? key : undefined, ip);
  }

  @Get('payments/return')
  @ApiOperation({
    summary:
      "The return page's check: the gateway's signed redirect (vnp_… and vnp_SecureHash) and our record of the payment; changes nothing",
  })
  @ApiErrors({
    400: ['PAYMENT_SIGNATURE_INVALID'],
    404: ['PAYMENT_NOT_FOUND'],
    429: ['TOO_MANY_REQUESTS'],
  })
  @ApiOkResponse({ type: PaymentReturnDto })
  async verifyReturn(@Query() query: Record<string, unknown>): Promise<PaymentReturnDto> {
    return asWire(await this.payments.verifyReturn(query));
  }
}
