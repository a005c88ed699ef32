import { toGsm7 } from './sms-text';
import { vietnamDateTime, vietnamDate } from './vietnam-time';

export const SMS_HELP = 'Tra cuu ho so: soan HS <ma ho so> (vi du: HS 000.00.20.H15-261128-0001)';
export const SMS_NOT_FOUND = (code: string) => toGsm7(`Khong tim thay ho so ${code}. Kiem tra lai ma tren giay hen.`);

/** The answer to `HS <code>`: the code, the status and the appointment, nothing personal. */
export function statusReply(code: string, statusLabel: string, appointmentAt: Date): string {
  return toGsm7(`Ho so ${code}: ${statusLabel}. Hen tra: ${vietnamDateTime(appointmentAt)}`);
}

export type OutboundKind = 'received' | 'supplement_required' | 'result_ready' | 'apology';

/** Outbound notifications (DESIGN §5): only the code, the status and dates. */
export function outboundText(kind: OutboundKind, code: string, appointmentAt: Date): string {
  const date = vietnamDate(appointmentAt);
  const texts: Record<OutboundKind, string> = {
    received: `Ho so ${code} da duoc tiep nhan. Ngay hen tra: ${date}`,
    supplement_required: `Ho so ${code} can bo sung. Vui long lien he bo phan mot cua.`,
    result_ready: `Ho so ${code} da co ket qua. Moi nhan tai bo phan mot cua.`,
    apology: `Ho so ${code} bi cham. Xin loi ong/ba. Ngay hen tra moi: ${date}`,
  };
  return toGsm7(texts[kind]);
}
