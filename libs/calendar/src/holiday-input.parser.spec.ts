import { CalendarError } from './calendar.error';
import { parseHolidayInput } from './holiday-input.parser';

function problemsOf(body: unknown, year?: number): readonly string[] {
  try {
    parseHolidayInput(body, year);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as CalendarError).code).toBe('CALENDAR_INVALID_HOLIDAYS');
    return (error as CalendarError).details;
  }
  throw new Error('expected CALENDAR_INVALID_HOLIDAYS');
}

describe('parseHolidayInput', () => {
  it('turns a valid admin body into a sorted, trimmed table and drops unknown fields', () => {
    // given
    const body = {
      year: 2027,
      holidays: [
        { date: '2027-02-08', name: ' Tết Nguyên Đán ' },
        { date: '2027-01-01', name: 'Tết Dương lịch', id: 7 },
      ],
      workingDays: [{ date: '2027-02-20', name: 'Làm bù' }],
      extra: true,
    };
    // when
    const table = parseHolidayInput(body, 2027);
    // then
    expect(table).toEqual({
      year: 2027,
      holidays: [
        { date: '2027-01-01', name: 'Tết Dương lịch' },
        { date: '2027-02-08', name: 'Tết Nguyên Đán' },
      ],
      workingDays: [{ date: '2027-02-20', name: 'Làm bù' }],
    });
  });

  it('accepts a body without workingDays', () => {
    // when / then
    expect(parseHolidayInput({ year: 2026, holidays: [] }).workingDays).toEqual([]);
  });

  it('says which date does not exist', () => {
    // when / then
    expect(problemsOf({ year: 2026, holidays: [{ date: '2026-02-30', name: 'Tết' }] })).toEqual([
      `holidays[0].date must be an existing date written 'YYYY-MM-DD'; got "2026-02-30"`,
    ]);
  });

  it('lists every problem at once: a date of another year, a duplicate, a missing name, a weekday working day', () => {
    // given
    const body = {
      year: 2026,
      holidays: [
        { date: '2027-01-01', name: 'Tết Dương lịch' },
        { date: '2026-04-30', name: '30/4' },
        { date: '2026-04-30', name: '30/4' },
        { date: '2026-05-01', name: '' },
      ],
      workingDays: [{ date: '2026-03-04', name: 'Thứ Tư' }],
    };
    // when
    const problems = problemsOf(body);
    // then
    expect(problems).toEqual([
      'holidays[0].date 2027-01-01 is not in 2026',
      'holidays[2].date 2026-04-30 appears twice in holidays',
      'holidays[3].name must be a non-empty text of at most 200 characters',
      'workingDays: 2026-03-04 is a weekday: list only swapped Saturdays or Sundays here, and leave a worked weekday out of holidays',
    ]);
  });

  it('refuses a list longer than a year has days, without a problem per entry', () => {
    // given 10,000 holidays (issue 15, item 8: a body must not produce megabytes of problems)
    const holidays = Array.from({ length: 10_000 }, () => ({ date: 'x', name: '' }));
    // then one problem says so
    expect(problemsOf({ year: 2026, holidays, workingDays: [] })).toEqual([
      'holidays must list at most 366 days; got 10000',
    ]);
  });

  it('refuses a date listed both as a holiday and as a working day', () => {
    // when / then
    expect(
      problemsOf({
        year: 2026,
        holidays: [{ date: '2026-08-22', name: 'a' }],
        workingDays: [{ date: '2026-08-22', name: 'b' }],
      }),
    ).toEqual(['2026-08-22 is listed both as a holiday and as a working day: keep one']);
  });

  it('refuses a body whose year differs from the ?year= of the request', () => {
    // when / then
    expect(problemsOf({ year: 2026, holidays: [] }, 2027)).toEqual([
      'year 2026 in the body does not match the requested year 2027',
    ]);
  });

  it.each([
    null,
    'text',
    [],
    { holidays: [] },
    { year: '2026', holidays: [] },
    { year: 2026 },
    { year: 2026, holidays: {} },
  ])('refuses the malformed body %p', (body) => {
    // when / then
    expect(problemsOf(body).length).toBeGreaterThan(0);
  });
});
