import { vn, wallClock, weekendsOnly } from './__tests__/vietnam-time.fixture';
import { compileOfficeHours } from './office-hours.parser';
import { PauseIntervals } from './pause.intervals';
import { WorkingDayIndex } from './working-day.index';
import { WorkingTimeWalker } from './working-time.walker';

const walker = new WorkingTimeWalker(new WorkingDayIndex(weekendsOnly), compileOfficeHours());
const ms = (local: string) => vn(local).getTime();

describe('PauseIntervals', () => {
  it('merges overlapping and touching pauses so no time is subtracted twice', () => {
    // given three pauses on Monday 2/3/2026: 08:00–09:00, 08:30–10:00 and 10:00–10:30
    const pauses = PauseIntervals.of([
      { from: vn('2026-03-02T10:00'), to: vn('2026-03-02T10:30') },
      { from: vn('2026-03-02T08:00'), to: vn('2026-03-02T09:00') },
      { from: vn('2026-03-02T08:30'), to: vn('2026-03-02T10:00') },
    ]);
    // when measuring the morning session
    const worked = pauses.between(walker, ms('2026-03-02T07:00'), ms('2026-03-02T11:30'));
    // then 4.5 h minus the 2.5 h paused
    expect(worked).toBe(2 * 3_600_000);
  });

  it('stops at a pause that starts exactly when the duration is used up, rather than after it', () => {
    // given 1 h from Monday 09:00, and a pause from 10:00 to Tuesday
    const pauses = PauseIntervals.of([{ from: vn('2026-03-02T10:00'), to: vn('2026-03-03T10:00') }]);
    // when
    const due = pauses.add(walker, ms('2026-03-02T09:00'), 3_600_000);
    // then
    expect(wallClock(new Date(due))).toBe('2026-03-02T10:00');
  });

  it('continues after a pause that the counting start falls into', () => {
    // given received Monday 09:30 during a pause 09:00–10:00
    const pauses = PauseIntervals.of([{ from: vn('2026-03-02T09:00'), to: vn('2026-03-02T10:00') }]);
    // when / then 1 h counts from 10:00
    expect(wallClock(new Date(pauses.add(walker, ms('2026-03-02T09:30'), 3_600_000)))).toBe('2026-03-02T11:00');
  });

  it('has no effect when empty', () => {
    // given
    const none = PauseIntervals.of();
    // then
    expect(none.isEmpty).toBe(true);
    expect(none.add(walker, ms('2026-03-02T09:00'), 3_600_000)).toBe(walker.add(ms('2026-03-02T09:00'), 3_600_000));
  });
});
