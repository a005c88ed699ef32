import { formatIsoDate, parseIsoDate } from './iso-date.parser';
import { withWeekendSubstitutes } from './weekend-substitution.rule';

const on = (date: string, name: string) => ({ day: parseIsoDate(date) as number, name });
const dates = (days: { day: number }[]) => days.map((d) => formatIsoDate(d.day));

describe('withWeekendSubstitutes (Labour Code Art. 111)', () => {
  it('moves a holiday on a Sunday to the Monday', () => {
    // given Giỗ Tổ Hùng Vương 2026 falls on Sunday 26 April
    const daysOff = [on('2026-04-26', 'Giỗ Tổ Hùng Vương')];
    // when
    const result = withWeekendSubstitutes(daysOff);
    // then Monday 27 April is off too, named after the holiday it replaces
    expect(dates(result)).toEqual(['2026-04-26', '2026-04-27']);
    expect(result[1].name).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
  });

  it('gives Monday and Tuesday for holidays on Saturday and Sunday', () => {
    // given 30/4/2022 is a Saturday and 1/5/2022 a Sunday
    const daysOff = [on('2022-04-30', '30/4'), on('2022-05-01', '1/5')];
    // when / then
    expect(dates(withWeekendSubstitutes(daysOff))).toEqual(['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03']);
  });

  it('never puts a substitute on another holiday', () => {
    // given 2/9/2029 is a Sunday and 3/9 is already the adjacent Quốc khánh day
    const daysOff = [on('2029-09-02', 'Quốc khánh'), on('2029-09-03', 'Quốc khánh (ngày liền kề)')];
    // when / then the substitute goes to Tuesday 4/9
    expect(dates(withWeekendSubstitutes(daysOff))).toEqual(['2029-09-02', '2029-09-03', '2029-09-04']);
  });

  it('leaves weekday holidays alone', () => {
    // given Thursday 1 January 2026
    // when / then
    expect(dates(withWeekendSubstitutes([on('2026-01-01', 'Tết Dương lịch')]))).toEqual(['2026-01-01']);
  });
});
