import { request } from '../../api/client';
import type { Schemas } from '../../api/schemas';

/** `GET /api/public/payments/return`: the gateway's signed redirect, checked by the server, and our record. */
export type PaymentReturn = Schemas['PaymentReturnDto'];

/** Where the return page finds the dossier's code and key again, to link back to /tra-cuu (this tab only). */
const PENDING_KEY = 'motcua.payment';

/** `POST /api/public/dossiers/:code/payments?key=`: the signed pay URL; the browser goes there next. */
export async function startPayment(code: string, key: string): Promise<string> {
  const { payUrl } = await request<Schemas['PaymentStartDto']>(
    `/api/public/dossiers/${encodeURIComponent(code.trim().toUpperCase())}/payments`,
    { method: 'POST', query: { key: key.trim() } },
  );
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ code: code.trim().toUpperCase(), key: key.trim() }));
  return payUrl;
}

/** The code and key the payment was started with in this tab, if it was for `reference`. */
export function startedWith(reference: string): { code: string; key: string } | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as { code: string; key: string } | null;
    return saved?.code === reference ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function checkReturn(search: string): Promise<PaymentReturn> {
  return request<PaymentReturn>(`/api/public/payments/return${search}`);
}

/** `100.000 đồng`. */
export const vnd = (amount: number) => `${amount.toLocaleString('vi-VN')} đồng`;

/** VNPay's response codes a citizen may meet, in Vietnamese (from VNPay's published table). */
export const GATEWAY_REASONS: Record<string, string> = {
  '07': 'Giao dịch bị nghi ngờ gian lận.',
  '09': 'Thẻ/Tài khoản chưa đăng ký dịch vụ Internet Banking.',
  '10': 'Xác thực thông tin thẻ/tài khoản không đúng quá 3 lần.',
  '11': 'Đã hết thời gian chờ thanh toán.',
  '12': 'Thẻ/Tài khoản bị khóa.',
  '13': 'Nhập sai mật khẩu xác thực giao dịch (OTP).',
  '24': 'Bạn đã hủy giao dịch.',
  '51': 'Tài khoản không đủ số dư.',
  '65': 'Tài khoản đã vượt quá hạn mức giao dịch trong ngày.',
  '75': 'Ngân hàng thanh toán đang bảo trì.',
  '79': 'Nhập sai mật khẩu thanh toán quá số lần quy định.',
};
