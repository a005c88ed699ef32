import { outboundText, statusReply } from './sms-reply';
import { isSingleGsm7Sms } from './sms-text';

const CODE = '000.00.20.H15-261128-0001';
const AT = new Date('2026-12-03T02:00:00Z'); // 09:00 in Vietnam

describe('SMS replies', () => {
  it('answers a lookup with the code, status and appointment in Vietnam time', () => {
    expect(statusReply(CODE, 'Đang giải quyết', AT)).toBe(`Ho so ${CODE}: Dang giai quyet. Hen tra: 03/12/2026 09:00`);
  });

  it.each(['received', 'supplement_required', 'result_ready', 'apology'] as const)(
    'the %s notification is one GSM-7 SMS with the code',
    (kind) => {
      const text = outboundText(kind, CODE, AT);
      expect(isSingleGsm7Sms(text)).toBe(true);
      expect(text).toContain(CODE);
    },
  );

  it("texts a citizen's sign-in code first, with its expiry in Vietnam time, in one GSM-7 SMS (ADR 0027)", () => {
    const text = outboundText('sign_in_code', '', AT, '047291');
    expect(text).toBe(
      '047291 la ma dang nhap Mot cua dien tu, het han luc 09:00. Khong dua ma nay cho bat ky ai, ke ca can bo.',
    );
    expect(isSingleGsm7Sms(text)).toBe(true);
  });

  it('answers a refused dossier with the refusal and its reason, never an appointment', () => {
    const reply = statusReply(CODE, 'Tu choi giai quyet', AT, {
      status: 'rejected',
      reason: 'Tên hộ kinh doanh trùng với hộ đã đăng ký',
    });
    expect(reply).toBe(`Ho so ${CODE}: Tu choi giai quyet. Ly do: Ten ho kinh doanh trung voi ho da dang ky.`);
    expect(statusReply(CODE, 'Da rut ho so', AT, { status: 'withdrawn' })).toBe(`Ho so ${CODE}: Da rut ho so.`);
  });

  it('sends the refusal with its reason in one GSM-7 SMS, shortening the reason, never the code', () => {
    const short = outboundText('rejected', CODE, AT, 'Không thuộc thẩm quyền');
    const long = outboundText('rejected', CODE, AT, 'Hồ sơ không đủ điều kiện vì '.repeat(10));
    expect(short).toBe(
      `Ho so ${CODE} bi tu choi giai quyet. Ly do: Khong thuoc tham quyen. Nhan lai ho so tai bo phan mot cua.`,
    );
    expect(isSingleGsm7Sms(long)).toBe(true);
    expect(long).toMatch(
      new RegExp(
        `^Ho so ${CODE.replace(/\./g, '\\.')} bi tu choi giai quyet\\. Ly do: Ho so khong du dieu kien.*\\.\\.\\.$`,
      ),
    );
    expect(outboundText('rejected', CODE, AT, null)).toBe(
      `Ho so ${CODE} bi tu choi giai quyet. Nhan lai ho so tai bo phan mot cua.`,
    );
  });

  it('tells an online submitter what happened to the pre-registration code, with the reason or the Form 01 link', () => {
    // given
    const TT = 'TT-261207-K7M2QX';
    const link = `https://motcua.example/api/public/dossiers/${CODE}/receipt.pdf?key=ABC234`;
    // then
    expect(outboundText('online_submitted', TT, AT)).toBe(
      `Da nhan ho so truc tuyen ${TT}. Bo phan mot cua se kiem tra va bao ket qua tiep nhan.`,
    );
    expect(outboundText('online_supplement', TT, AT, 'Thiếu bản sao CCCD')).toBe(
      `Ho so truc tuyen ${TT} can bo sung. Ly do: Thieu ban sao CCCD. Vui long bo sung tren cong dich vu cong.`,
    );
    expect(outboundText('online_refused', TT, AT, 'Không thuộc thẩm quyền')).toBe(
      `Ho so truc tuyen ${TT} khong duoc tiep nhan. Ly do: Khong thuoc tham quyen.`,
    );
    expect(outboundText('online_received', CODE, AT, link)).toMatch(
      new RegExp(
        `^Ho so ${CODE.replace(/\./g, '\\.')} da duoc tiep nhan\\. Ngay hen tra: \\d\\d/\\d\\d/\\d{4}\\. Giay tiep nhan: `,
      ),
    );
    expect(outboundText('online_received', CODE, AT, link).endsWith(link)).toBe(true);
  });
});
