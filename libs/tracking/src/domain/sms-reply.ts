import { toGsm7 } from './sms-text';
import { vietnamDateTime, vietnamDate } from './vietnam-time';

export const SMS_HELP = 'Tra cuu ho so: soan HS <ma ho so> (vi du: HS 000.00.20.H15-261128-0001)';
export const SMS_NOT_FOUND = (code: string) => toGsm7(`Khong tim thay ho so ${code}. Kiem tra lai ma tren giay hen.`);

/** Statuses with no appointment left to keep: the reply says how the dossier ended, never "Hen tra". */
const CLOSED = ['returned', 'rejected', 'withdrawn'];

/**
 * The answer to `HS <code>`: the code, the status and the appointment, nothing personal. A closed
 * dossier has no appointment; a refused one carries its citizen-facing reason instead (ADR 0011).
 */
export function statusReply(
  code: string,
  statusLabel: string,
  appointmentAt: Date,
  closed?: { status: string; reason?: string | null },
): string {
  if (closed && CLOSED.includes(closed.status)) return withReason(`Ho so ${code}: ${statusLabel}.`, closed.reason);
  return toGsm7(`Ho so ${code}: ${statusLabel}. Hen tra: ${vietnamDateTime(appointmentAt)}`);
}

export type OutboundKind =
  | 'received'
  | 'supplement_required'
  | 'result_ready'
  | 'apology'
  | 'rejected'
  | 'online_submitted'
  | 'online_supplement'
  | 'online_refused'
  | 'online_received'
  | 'sign_in_code';

/**
 * Outbound notifications (DESIGN §5): only the code, the status and dates; a refusal, its reason (`detail`).
 * A citizen's sign-in code (ADR 0027) is in `detail`, its expiry in `appointmentAt`.
 */
export function outboundText(kind: OutboundKind, code: string, appointmentAt: Date, detail?: string | null): string {
  if (kind === 'sign_in_code') return signInCodeText(detail ?? '', appointmentAt);
  const date = vietnamDate(appointmentAt);
  if (kind === 'rejected')
    return withReason(`Ho so ${code} bi tu choi giai quyet.`, detail, ' Nhan lai ho so tai bo phan mot cua.');
  // Online submissions (issue 18 item 3): `code` is the pre-registration code until the desk accepts.
  if (kind === 'online_supplement')
    return withReason(`Ho so truc tuyen ${code} can bo sung.`, detail, ' Vui long bo sung tren cong dich vu cong.');
  if (kind === 'online_refused') return withReason(`Ho so truc tuyen ${code} khong duoc tiep nhan.`, detail);
  if (kind === 'online_received')
    // The link to Form 01 (with the lookup key) is never shortened: it is the only copy the citizen gets.
    return `${toGsm7(`Ho so ${code} da duoc tiep nhan. Ngay hen tra: ${date}.`)}${detail ? ` Giay tiep nhan: ${detail}` : ''}`;
  const texts: Record<
    Exclude<OutboundKind, 'rejected' | 'sign_in_code' | 'online_supplement' | 'online_refused' | 'online_received'>,
    string
  > = {
    online_submitted: `Da nhan ho so truc tuyen ${code}. Bo phan mot cua se kiem tra va bao ket qua tiep nhan.`,
    received: `Ho so ${code} da duoc tiep nhan. Ngay hen tra: ${date}`,
    supplement_required: `Ho so ${code} can bo sung. Vui long lien he bo phan mot cua.`,
    result_ready: `Ho so ${code} da co ket qua. Moi nhan tai bo phan mot cua.`,
    apology: `Ho so ${code} bi cham. Xin loi ong/ba. Ngay hen tra moi: ${date}`,
  };
  return toGsm7(texts[kind]);
}

/**
 * `head` + " Ly do: <reason>" (+ `tail` when it fits), one GSM-7 SMS: the reason is what gets
 * shortened (with "..."), never the code; the full reason is on Form 03.
 */
function withReason(head: string, reason: string | null | undefined, tail = ''): string {
  const plainHead = toGsm7(head);
  const plainReason = reason ? toGsm7(reason.replace(/\s+/g, ' ').trim()) : '';
  if (!plainReason) return toGsm7(`${plainHead}${tail}`);
  const full = `${plainHead} Ly do: ${plainReason}`;
  const sentence = /[.!?]$/.test(full) ? full : `${full}.`;
  if (sentence.length + toGsm7(tail).length <= 160) return `${sentence}${toGsm7(tail)}`;
  return full.length <= 160 ? full : `${full.slice(0, 157).trimEnd()}...`;
}

/** The sign-in code's SMS: the code first (phones offer to copy it), when it ends, and never to share it. */
export function signInCodeText(code: string, expiresAt: Date): string {
  const until = vietnamDateTime(expiresAt).slice(-5);
  return toGsm7(
    `${code} la ma dang nhap Mot cua dien tu, het han luc ${until}. Khong dua ma nay cho bat ky ai, ke ca can bo.`,
  );
}
