import { outboundText, statusReply } from './sms-reply';
import { isSingleGsm7Sms } from './sms-text';

const CODE = '000.00.20.H15-261128-0001';
const AT = new Date('2026-12-03T02:00:00Z'); // 09:00 in Vietnam

describe('SMS replies', () => {
  it('answers a lookup with the code, status and appointment in Vietnam time', () => {
    expect(statusReply(CODE, 'Đang giải quyết', AT)).toBe(`Ho so ${CODE}: Dang giai quyet. Hen tra: 03/12/2026 09:00`);
  });

  it.each(['received', 'supplement_required', 'result_ready', 'apology'] as const)('the %s notification is one GSM-7 SMS with the code', (kind) => {
    const text = outboundText(kind, CODE, AT);
    expect(isSingleGsm7Sms(text)).toBe(true);
    expect(text).toContain(CODE);
  });
});
