import { Injectable } from '@nestjs/common';
import { formatVietnamCompact, parseVietnamCompact } from '../../../calendar/src';
import { setting } from '../../../config/src';
import type {
  GatewayReport,
  NotificationAnswer,
  NotificationOutcome,
  PaymentProvider,
  PayRequest,
  VerifiedReport,
} from '../payment-provider';
import { vnpSignedQuery, vnpVerify, type VnpParams } from './vnpay.signing';

const addMinutes = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * 60_000);

/** Development and test only: the simulator's secret when VNPAY_HASH_SECRET is unset outside production. */
export const VNPAY_DEVELOPMENT_SECRET = 'motcua-vnpay-simulator-secret';

/** VNPay's IPN answers (`{RspCode, Message}`) and the HTTP status each goes with (ADR 0029). */
const IPN_ANSWERS: Record<NotificationOutcome, { status: number; RspCode: string; Message: string }> = {
  confirmed: { status: 200, RspCode: '00', Message: 'Confirm Success' },
  order_not_found: { status: 200, RspCode: '01', Message: 'Order not found' },
  already_confirmed: { status: 200, RspCode: '02', Message: 'Order already confirmed' },
  invalid_amount: { status: 200, RspCode: '04', Message: 'Invalid amount' },
  // The rule: a bad signature is a 400, and nothing changes (VNPay itself never sends one).
  invalid_signature: { status: 400, RspCode: '97', Message: 'Invalid signature' },
  unknown_error: { status: 200, RspCode: '99', Message: 'Unknown error' },
};

/** The terminal's settings, read at each call (validated by libs/config). */
export function vnpaySettings(env: NodeJS.ProcessEnv = process.env) {
  const secret = setting('VNPAY_HASH_SECRET', env)?.trim();
  const production = setting('NODE_ENV', env) === 'production';
  return {
    payUrl: setting('VNPAY_PAY_URL', env)!,
    tmnCode: setting('VNPAY_TMN_CODE', env),
    secret: secret || (production ? undefined : VNPAY_DEVELOPMENT_SECRET),
    expireMinutes: setting('VNPAY_EXPIRE_MINUTES', env),
  };
}

/**
 * VNPay's payment API 2.1.0 (sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html): `vnp_Command=pay` with the
 * amount ×100, Vietnam-time dates as yyyyMMddHHmmss, and HMAC-SHA512 over the sorted query (vnpay.signing.ts).
 * The return redirect and the IPN carry vnp_ResponseCode, vnp_TransactionStatus, vnp_TransactionNo,
 * vnp_BankCode, vnp_PayDate and the hash; money was taken when both codes are `00`.
 */
@Injectable()
export class VnpayProvider implements PaymentProvider {
  readonly name = 'vnpay';

  available(): boolean {
    return vnpaySettings().secret !== undefined;
  }

  createPaymentUrl(request: PayRequest): string {
    const { payUrl, tmnCode, secret, expireMinutes } = vnpaySettings();
    const params: VnpParams = {
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: tmnCode,
      vnp_Amount: String(request.amount * 100),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: request.txnRef,
      vnp_OrderInfo: request.orderInfo,
      vnp_OrderType: 'other',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: request.returnUrl,
      vnp_IpAddr: request.ipAddress,
      vnp_CreateDate: formatVietnamCompact(request.now),
      vnp_ExpireDate: formatVietnamCompact(addMinutes(request.now, expireMinutes)),
    };
    return `${payUrl}?${vnpSignedQuery(secret!, params)}`;
  }

  verifyReturn(query: Readonly<Record<string, unknown>>): VerifiedReport {
    return this.verify(query);
  }

  verifyNotification(query: Readonly<Record<string, unknown>>): VerifiedReport {
    return this.verify(query);
  }

  answer(outcome: NotificationOutcome): NotificationAnswer {
    const { status, RspCode, Message } = IPN_ANSWERS[outcome];
    return { httpStatus: status, body: { RspCode, Message } };
  }

  private verify(query: Readonly<Record<string, unknown>>): VerifiedReport {
    const { secret, tmnCode } = vnpaySettings();
    if (!secret || !vnpVerify(secret, query)) return { valid: false };
    const q = query as Record<string, string | undefined>;
    const amount = Number(q.vnp_Amount);
    // Signed, but not ours or not readable: as good as unsigned.
    if (q.vnp_TmnCode !== tmnCode || !q.vnp_TxnRef || !/^\d{1,15}$/.test(q.vnp_Amount ?? '')) return { valid: false };
    const report: GatewayReport = {
      txnRef: q.vnp_TxnRef,
      amount: amount / 100,
      succeeded: q.vnp_ResponseCode === '00' && q.vnp_TransactionStatus === '00',
      responseCode: q.vnp_ResponseCode ?? '',
      transactionNo: q.vnp_TransactionNo || null,
      bankCode: q.vnp_BankCode || null,
      paidAt: q.vnp_PayDate ? (parseVietnamCompact(q.vnp_PayDate) ?? null) : null,
    };
    return { valid: true, report };
  }
}
