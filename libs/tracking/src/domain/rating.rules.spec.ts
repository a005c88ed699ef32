import { nationalPhone, overallOf, RATE_REPLIES, scoreProblems } from './rating.rules';

const ACTIVE = [
  { code: 'tong-the', label: 'Đánh giá tổng thể dịch vụ' },
  { code: 'thai-do', label: 'Thái độ của cán bộ' },
];

describe('rating rules (ADR 0030)', () => {
  it('accepts every active criterion scored 1–5, and names each problem otherwise', () => {
    expect(scoreProblems({ 'tong-the': 5, 'thai-do': 1 }, ACTIVE)).toEqual([]);
    expect(scoreProblems({ 'tong-the': 5 }, ACTIVE)).toEqual([{ criterion: 'thai-do', problem: 'missing' }]);
    expect(scoreProblems({ 'tong-the': 5, 'thai-do': 0, x: 3 }, ACTIVE)).toEqual([
      { criterion: 'thai-do', problem: 'out_of_range' },
      { criterion: 'x', problem: 'unknown' },
    ]);
    expect(scoreProblems({ 'tong-the': '5', 'thai-do': 4.5 }, ACTIVE)).toEqual([
      { criterion: 'tong-the', problem: 'out_of_range' },
      { criterion: 'thai-do', problem: 'out_of_range' },
    ]);
  });

  it('the overall score is the mean, two decimals', () => {
    expect(overallOf([5, 4, 5, 4, 5])).toBe(4.6);
    expect(overallOf([4, 4, 5])).toBe(4.33);
    expect(overallOf([3])).toBe(3);
  });

  it('compares phone numbers in their national form', () => {
    expect(nationalPhone('+84 905 123 456')).toBe('0905123456');
    expect(nationalPhone('84905123456')).toBe('0905123456');
    expect(nationalPhone('0905.123.456')).toBe('0905123456');
    expect(nationalPhone('905123456')).toBe('0905123456');
    expect(nationalPhone('12345')).toBe('');
    expect(nationalPhone(undefined)).toBe('');
  });

  it('answers by SMS without accents, in one message', () => {
    const code = '000.00.20.H15-261128-0001';
    for (const text of [
      RATE_REPLIES.help,
      RATE_REPLIES.thanks(code, 4),
      RATE_REPLIES.notReturned(code),
      RATE_REPLIES.already(code),
      RATE_REPLIES.notApplicant(code),
    ]) {
      expect(text).toMatch(/^[\x20-\x7e]+$/);
      expect(text.length).toBeLessThanOrEqual(160);
    }
    expect(RATE_REPLIES.thanks(code, 4)).toBe(`Cam on ong/ba da danh gia ho so ${code}: 4/5 (Hai long).`);
  });
});
