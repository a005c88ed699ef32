import { ApiProperty } from '@nestjs/swagger';

/** `POST /api/public/dossiers/:code/payments`: where to send the citizen's browser. */
export class PaymentStartDto {
  @ApiProperty({
    description: "The gateway's pay page with the signed order (VNPay 2.1.0: vnp_… parameters and vnp_SecureHash)",
  })
  payUrl: string;
}

/** VNPay's answer to an IPN: `{RspCode, Message}` (00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature, 99 unknown error). */
export class IpnAnswerDto {
  @ApiProperty({ enum: ['00', '01', '02', '04', '97', '99'], example: '00' }) RspCode: string;
  @ApiProperty({ example: 'Confirm Success' }) Message: string;
}

/** `GET /api/public/payments/return`: the return redirect, checked, and our record of the payment. */
export class PaymentReturnDto {
  @ApiProperty({ enum: ['dossier', 'pre_registration'] }) referenceKind: string;
  @ApiProperty({ description: 'The dossier code (or pre-registration code) paid for' }) reference: string;
  @ApiProperty({ description: 'VND' }) amount: number;
  @ApiProperty({
    enum: ['pending', 'paid', 'failed'],
    enumName: 'PaymentStatus',
    description: "Our record: paid only once the gateway's signed notification confirmed it",
  })
  status: string;
  @ApiProperty({ description: 'The gateway told the browser the money was taken (vnp_ResponseCode 00)' })
  gatewaySucceeded: boolean;
  @ApiProperty({ example: '00', description: "The gateway's response code (VNPay: 00 success, 24 cancelled, …)" })
  responseCode: string;
  @ApiProperty({ nullable: true, type: String }) transactionNo: string | null;
  @ApiProperty({ nullable: true, type: String }) bankCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) paidAt: string | null;
}
