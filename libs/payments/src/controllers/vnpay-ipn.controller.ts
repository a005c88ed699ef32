import { Controller, Get, Ip, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../common/src';
import { IpnAnswerDto } from '../dtos/payment.dto';
import { PaymentsService } from '../services/payments.service';

/**
 * `GET /api/payments/vnpay/ipn`: VNPay's server-to-server notification (Instant Payment Notification). No
 * account: the HMAC-SHA512 signature is the authentication. Answers VNPay's `{RspCode, Message}`; a bad
 * signature is a 400 (RspCode 97) and changes nothing, a replay answers 02 and changes nothing (ADR 0029).
 */
@ApiTags('payments')
@Controller('api/payments/vnpay')
@Public()
export class VnpayIpnController {
  constructor(private readonly payments: PaymentsService) {}

  @Get('ipn')
  @ApiOperation({
    summary:
      "VNPay's IPN: settles the payment once when the signature and amount hold; answers {RspCode, Message} (00, 01, 02, 04, 97, 99)",
  })
  @ApiOkResponse({ type: IpnAnswerDto, description: 'RspCode 00 (confirmed), 01, 02, 04 or 99' })
  @ApiBadRequestResponse({
    type: IpnAnswerDto,
    description: 'RspCode 97: the signature does not hold; nothing changed',
  })
  async ipn(
    @Query() query: Record<string, unknown>,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IpnAnswerDto> {
    const answer = await this.payments.notify(query, ip);
    res.status(answer.httpStatus);
    return answer.body as unknown as IpnAnswerDto;
  }
}
