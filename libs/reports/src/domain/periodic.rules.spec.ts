import { addTallies, emptyTally, figuresOf, periodicPeriod, tallyOf } from './periodic.rules';
import { emptyCounts } from './summary.rules';

describe('periodic report rules', () => {
  it('names the Vietnam days of each half and of the year', () => {
    expect(periodicPeriod(2025, 1)).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(periodicPeriod(2025, 2)).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(periodicPeriod(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('takes the counts of a II.06a line: new = online + in person, on time = early + on time', () => {
    // given a II.06a line
    const line = {
      ...emptyCounts(),
      received: 9,
      receivedOnline: 2,
      receivedDirect: 5,
      carriedOver: 2,
      resolved: 6,
      resolvedEarly: 3,
      resolvedOnTime: 2,
      resolvedLate: 1,
      inProgress: 3,
      inProgressWithinTime: 1,
      inProgressOverdue: 2,
    };
    // then
    expect(tallyOf(line)).toEqual({
      carriedOver: 2,
      received: 7,
      receivedOnline: 2,
      resolved: 6,
      resolvedOnTime: 5,
      resolvedLate: 1,
      inProgress: 3,
      inProgressOverdue: 2,
      processingDays: 0,
      feesPaidOnline: 0,
      feesCollectedOnline: 0,
    });
  });

  it('computes rates in percent and the average processing time in working days, one decimal', () => {
    // given 3 new dossiers (1 online) and 3 resolved (2 on time) in 1.5 + 2 + 0.25 working days
    const tally = {
      ...emptyTally(),
      received: 3,
      receivedOnline: 1,
      resolved: 3,
      resolvedOnTime: 2,
      resolvedLate: 1,
      processingDays: 3.75,
    };
    // then
    expect(figuresOf(tally)).toMatchObject({ onlineShare: 33.3, onTimeRate: 66.7, averageProcessingDays: 1.3 });
  });

  it('gives no rate rather than a rate of nothing', () => {
    expect(figuresOf(emptyTally())).toMatchObject({ onlineShare: null, onTimeRate: null, averageProcessingDays: null });
  });

  it('adds tallies field by field (the unit and province totals)', () => {
    const one = { ...emptyTally(), received: 2, processingDays: 1.5 };
    const two = { ...emptyTally(), received: 3, resolved: 1, processingDays: 2 };
    expect(addTallies([one, two])).toEqual({ ...emptyTally(), received: 5, resolved: 1, processingDays: 3.5 });
  });
});
