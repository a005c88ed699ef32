import { describe, expect, it } from '@jest/globals';
import { describeServerDetail, rowOfServerDetail, rowProblems, type DayRow } from './holiday-rows';

const row = (date: string | null, name = 'Ngày nghỉ'): DayRow => ({ key: `${date}-${name}`, date, name });

describe('rowProblems', () => {
  it('accepts a clean table', () => {
    expect(rowProblems(2027, [row('2027-02-11')], [row('2027-02-20', 'Làm bù')])).toEqual([]);
  });

  it('ties each mistake to its row, in Vietnamese', () => {
    // when
    const problems = rowProblems(
      2027,
      [row(null), row('2028-01-01'), row('2027-02-11'), row('2027-02-11'), row('2027-03-01', '  ')],
      [row('2027-02-17', 'Thứ Tư'), row('2027-02-11', 'Trùng')],
    );
    // then
    expect(problems.map(({ list, index }) => `${list}[${index}]`)).toEqual([
      'holidays[0]',
      'holidays[1]',
      'holidays[3]',
      'holidays[4]',
      'workingDays[0]',
      'workingDays[1]',
      'workingDays[1]',
    ]);
    expect(problems[0].message).toBe('Ngày nghỉ, dòng 1: chưa chọn ngày.');
    expect(problems[1].message).toContain('01/01/2028 không thuộc năm 2027');
    expect(problems[4].message).toContain('17/02/2027 là Thứ Tư');
    expect(problems[6].message).toContain('vừa là ngày nghỉ vừa là ngày làm bù');
  });
});

describe('server details', () => {
  it('point at the row they are about', () => {
    const detail = 'holidays[2].date 2028-01-01 is not in 2027';
    expect(rowOfServerDetail(detail)).toEqual({ list: 'holidays', index: 2 });
    expect(describeServerDetail(detail)).toBe(`Ngày nghỉ, dòng 3: ${detail}`);
    expect(describeServerDetail('year 2026 in the body does not match')).toBe('year 2026 in the body does not match');
  });
});
