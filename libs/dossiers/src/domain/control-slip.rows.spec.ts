import { WorkingCalendar } from '../../../calendar/src';
import { controlSlip, dueAroundPauses, type StepRow } from './control-slip.rows';

describe('control slip', () => {
  const t = (h: number) => new Date(Date.UTC(2025, 5, 2, h));
  const step = (over: Partial<StepRow>): StepRow => ({
    name: 'Bước',
    unitCode: 'U1',
    assignee: null,
    createdAt: t(1),
    dueAt: t(5),
    completedAt: null,
    completedBy: null,
    status: 'open',
    ...over,
  });

  it('chains handovers from the desk through each completer, and rates each step', () => {
    // given a step finished a day before its due day, one finished the due day, one late and one open
    const rows = controlSlip({ unitCode: 'DESK', user: 'reception' }, [
      step({ name: 'A', unitCode: 'U1', dueAt: t(30), completedAt: t(2), completedBy: 'a', status: 'completed' }),
      step({ name: 'A2', unitCode: 'U1', completedAt: t(4), completedBy: 'a', status: 'completed' }),
      step({
        name: 'B',
        unitCode: 'U2',
        createdAt: t(2),
        dueAt: t(3),
        completedAt: t(4),
        completedBy: 'b',
        status: 'completed',
      }),
      step({ name: 'C', unitCode: 'U3', createdAt: t(4), dueAt: t(5) }),
    ]);
    // then
    expect(rows.map((r) => [r.from.user, r.to.user, r.result])).toEqual([
      ['reception', 'a', 'early'],
      ['a', 'a', 'on_time'],
      ['a', 'b', 'late'],
      ['b', null, null],
    ]);
    expect(rows[3].from.unitCode).toBe('U2');
  });

  it('rates the step the desk ended by returning the result as done by that officer, then', () => {
    // given the last step cancelled by the `result_returned` message at 04:00Z, due at 05:00Z
    const steps = [
      step({ name: 'A', completedAt: t(2), completedBy: 'a', status: 'completed' }),
      step({ name: 'Trả kết quả', createdAt: t(2), dueAt: t(5), completedAt: t(4), status: 'cancelled' }),
    ];
    // when / then
    expect(controlSlip({ unitCode: 'DESK', user: 'reception' }, steps).at(-1)).toMatchObject({
      to: { user: null },
      result: null,
    });
    expect(
      controlSlip({ unitCode: 'DESK', user: 'reception' }, steps, { returned: { at: t(4), by: 'reception' } }).at(-1),
    ).toMatchObject({
      from: { user: 'a' },
      to: { user: 'reception' },
      completedAt: t(4),
      result: 'on_time',
    });
  });

  it('moves a step due time by the supplement pauses during it, so waiting for the citizen is not lateness', () => {
    // given a one-day step from Tuesday 1 July 2025 09:00 (due Wednesday 09:00), paused Tuesday 10:00 → Thursday 10:00
    const calendar = new WorkingCalendar({ holidays: [] });
    const vn = (day: string, hhmm = '09:00') => new Date(`2025-07-0${day}T${hhmm}:00+07:00`);
    const drawn = step({
      createdAt: vn('1'),
      dueAt: vn('2'),
      completedAt: vn('3', '15:00'),
      completedBy: 'a',
      status: 'completed',
    });
    const pauses = [{ from: vn('1', '10:00'), to: vn('3', '10:00') }];
    // when
    const due = dueAroundPauses(calendar, drawn, pauses);
    // then the step is due two working days later (Friday 09:00), and finishing Thursday 15:00 is early
    expect(due).toEqual(vn('4'));
    expect(controlSlip({ unitCode: 'DESK', user: 'r' }, [drawn]).map((r) => r.result)).toEqual(['late']);
    expect(
      controlSlip({ unitCode: 'DESK', user: 'r' }, [drawn], { dueOf: (s) => dueAroundPauses(calendar, s, pauses) })[0],
    ).toMatchObject({ due: vn('4'), result: 'early' });
    expect(dueAroundPauses(calendar, drawn, [])).toEqual(vn('2'));
  });

  it("puts each officer's opinion on the row of the step it was written on, with its files' names", () => {
    // given two completed steps and an open one; opinions on the first (text and a file) and the second (a file only)
    const steps = [
      step({ id: 'task-1', name: 'Thẩm định', completedAt: t(2), completedBy: 'a', status: 'completed' }),
      step({
        id: 'task-2',
        name: 'Phê duyệt',
        createdAt: t(2),
        completedAt: t(3),
        completedBy: 'b',
        status: 'completed',
      }),
      step({ id: 'task-3', name: 'Trả kết quả', createdAt: t(3) }),
    ];
    const opinions = [
      { taskId: 'task-2', text: '', attachments: [{ name: 'to-trinh.pdf' }] },
      {
        taskId: 'task-1',
        text: 'Đủ điều kiện cấp phép',
        attachments: [{ name: 'bien-ban.pdf' }, { name: 'anh-hien-trang.jpg' }],
      },
      { taskId: 'task-of-another-instance', text: 'không thuộc phiếu này', attachments: [] },
    ];
    // when
    const rows = controlSlip({ unitCode: 'DESK', user: 'reception' }, steps, { opinions });
    // then
    expect(rows.map((r) => r.opinion)).toEqual([
      { text: 'Đủ điều kiện cấp phép', attachments: ['bien-ban.pdf', 'anh-hien-trang.jpg'] },
      { text: '', attachments: ['to-trinh.pdf'] },
      null,
    ]);
    // and without opinions (or a step read without its id) every row has none
    expect(controlSlip({ unitCode: 'DESK', user: 'reception' }, steps).map((r) => r.opinion)).toEqual([
      null,
      null,
      null,
    ]);
    expect(
      controlSlip({ unitCode: 'DESK', user: 'reception' }, [{ ...steps[0], id: undefined }], { opinions })[0].opinion,
    ).toBeNull();
  });
});
