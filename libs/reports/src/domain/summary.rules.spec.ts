import { countDossier, emptyCounts, reportPeriod, summarize, type SummaryRow } from './summary.rules';

const at = (local: string) => new Date(`${local}:00+07:00`);
const march = reportPeriod('2025-03-01', '2025-03-31');
const row = (over: Partial<SummaryRow>): SummaryRow => ({
  groupKey: 'Hộ tịch',
  groupName: 'Hộ tịch',
  channel: 'direct',
  status: 'processing',
  receivedAt: at('2025-03-10T09:00'),
  appointmentAt: at('2025-03-12T17:00'),
  finishedAt: null,
  ...over,
});
const counted = (r: SummaryRow) => {
  const c = emptyCounts();
  countDossier(c, r, march);
  return c;
};

describe('Biểu II.06a rules', () => {
  it('takes the period as Vietnam days, both included', () => {
    expect(march.start.toISOString()).toBe('2025-02-28T17:00:00.000Z');
    expect(march.end.toISOString()).toBe('2025-03-31T17:00:00.000Z');
  });

  it('counts a dossier finished on a day before the appointment day as early, by the appointment as on time, after it as late', () => {
    // given three dossiers due 12 March 17:00 / when finished 11 March, 12 March 17:00, 12 March 17:01
    const early = counted(row({ finishedAt: at('2025-03-11T16:59') }));
    const onTime = counted(row({ finishedAt: at('2025-03-12T17:00') }));
    const late = counted(row({ finishedAt: at('2025-03-12T17:01') }));
    // then
    expect([early.resolvedEarly, onTime.resolvedOnTime, late.resolvedLate]).toEqual([1, 1, 1]);
    expect(onTime.resolvedEarly + late.resolvedOnTime).toBe(0);
  });

  it('counts a refusal as received and resolved, early, on time or late by the appointment, and a withdrawal as neither (refusal.rule.ts)', () => {
    // given refusals handed back before, by and after the appointment, and a withdrawal
    const refusedEarly = counted(row({ status: 'rejected', finishedAt: at('2025-03-11T10:00') }));
    const refusedOnTime = counted(row({ status: 'rejected', finishedAt: at('2025-03-12T16:00') }));
    const refusedLate = counted(row({ status: 'rejected', finishedAt: at('2025-03-13T08:00') }));
    const withdrawn = counted(row({ status: 'withdrawn', finishedAt: at('2025-03-11T10:00') }));
    // then
    expect(refusedEarly).toMatchObject({ received: 1, resolved: 1, resolvedEarly: 1, inProgress: 0 });
    expect(refusedOnTime).toMatchObject({ received: 1, resolved: 1, resolvedOnTime: 1, inProgress: 0 });
    expect(refusedLate).toMatchObject({ received: 1, resolved: 1, resolvedLate: 1, inProgress: 0 });
    expect(withdrawn).toMatchObject({ received: 1, resolved: 0, inProgress: 0 });
  });

  it('carries over a dossier received before the period and unfinished at its start, even when it finishes at that instant', () => {
    // given
    const carried = counted(
      row({
        receivedAt: at('2025-02-20T09:00'),
        appointmentAt: at('2025-02-28T17:00'),
        finishedAt: at('2025-03-01T00:00'),
      }),
    );
    const gone = counted(row({ receivedAt: at('2025-02-20T09:00'), finishedAt: at('2025-02-28T23:59') }));
    // then
    expect(carried).toMatchObject({ received: 1, carriedOver: 1, receivedDirect: 0, resolved: 1, resolvedLate: 1 });
    expect(gone.received).toBe(0);
  });

  it('measures in progress at the end of the period against the appointment as moved', () => {
    // given an appointment moved by a supplement to 1 April 00:00 (the end of March), and one before it
    const within = counted(row({ appointmentAt: at('2025-04-01T00:00') }));
    const overdue = counted(row({ appointmentAt: at('2025-03-31T23:59'), channel: 'online' }));
    // then
    expect(within).toMatchObject({ received: 1, receivedDirect: 1, inProgress: 1, inProgressWithinTime: 1 });
    expect(overdue).toMatchObject({ received: 1, receivedOnline: 1, inProgress: 1, inProgressOverdue: 1 });
  });

  it('counts a withdrawn dossier as received only; one withdrawn after the period is still in progress', () => {
    const withdrawn = counted(row({ status: 'withdrawn', finishedAt: at('2025-03-15T09:00') }));
    const later = counted(row({ status: 'withdrawn', finishedAt: at('2025-04-02T09:00') }));
    expect(withdrawn).toEqual({ ...emptyCounts(), received: 1, receivedDirect: 1 });
    expect(later).toMatchObject({ received: 1, inProgress: 1, inProgressOverdue: 1 });
  });

  it('groups, drops groups with nothing in the period, and adds a totals row', () => {
    // given
    const rows = [
      row({}),
      row({ groupKey: 'Chứng thực', groupName: 'Chứng thực', channel: 'postal' }),
      row({ groupKey: 'Đất đai', groupName: 'Đất đai', receivedAt: at('2025-04-02T09:00') }),
    ];
    // when
    const { lines, totals } = summarize(rows, march);
    // then
    expect(lines.map((l) => l.key)).toEqual(['Chứng thực', 'Hộ tịch']);
    expect(totals).toMatchObject({ received: 2, receivedDirect: 2, inProgress: 2, inProgressOverdue: 2 });
  });
});
