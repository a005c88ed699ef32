import fc from 'fast-check';
import { HOUR_MS, vn } from './__tests__/vietnam-time.fixture';
import { applyOverrides } from './holiday-table.overrides';
import { defaultHolidays } from './default-holidays.factory';
import { WorkingCalendar } from './working-calendar.facade';

// Real Vietnamese defaults (Tết, 2/9, Art. 111 substitutes) plus a swapped working Saturday.
const calendar = new WorkingCalendar({
  holidays: (year) =>
    year === 2027
      ? applyOverrides(defaultHolidays(year), { workingDays: [{ date: '2027-02-20', name: 'Làm bù' }] })
      : defaultHolidays(year),
});
const DAY_MS = calendar.workingDayMs;
const FIRST = vn('2025-01-01T00:00').getTime();
const LAST = vn('2029-12-31T00:00').getTime();
const BOUNDARIES = ['00:00', '06:59', '07:00', '11:29', '11:30', '12:00', '13:30', '16:59', '17:00', '23:59'];

/** Any instant, with extra weight on session boundaries, lunch, nights and weekends. */
const instant = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }),
  fc
    .tuple(fc.integer({ min: 0, max: Math.floor((LAST - FIRST) / 86_400_000) }), fc.constantFrom(...BOUNDARIES))
    .map(([day, clock]) => {
      const date = new Date(FIRST + day * 86_400_000 + 7 * HOUR_MS).toISOString().slice(0, 10);
      return vn(`${date}T${clock}`).getTime();
    }),
);
/** Up to ~80 working days, in ms, minutes, hours or whole days. */
const durationMs = fc.oneof(
  fc.integer({ min: 0, max: 80 * DAY_MS }),
  fc.integer({ min: 0, max: 600 }).map((minutes) => minutes * 60_000),
  fc.integer({ min: 0, max: 40 }).map((hours) => hours * HOUR_MS),
  fc.integer({ min: 0, max: 60 }).map((days) => days * DAY_MS),
);
/** Up to 3 pauses placed from 5 days before to 60 days after t, each up to 10 days long. */
const pausesAround = (t: number) =>
  fc.array(
    fc
      .tuple(fc.integer({ min: -5 * 86_400_000, max: 60 * 86_400_000 }), fc.integer({ min: 0, max: 10 * 86_400_000 }))
      .map(([offset, length]) => ({
        from: new Date(t + offset),
        to: new Date(t + offset + length),
      })),
    { maxLength: 3 },
  );
const add = (t: number, d: number, p: { from: Date; to: Date }[] = []) =>
  calendar.addWorkingTime(new Date(t), { seconds: d / 1000 }, p).getTime();
const between = (a: number, b: number, p: { from: Date; to: Date }[] = []) =>
  calendar.workingMillisBetween(new Date(a), new Date(b), p);

describe('WorkingCalendar properties', () => {
  it('measures back what it adds: between(t, add(t, d)) = d for every instant t, open or closed', () => {
    // given any instant t (outside office hours, counting starts at the next opening) and duration d ≥ 0
    fc.assert(
      fc.property(instant, durationMs, (t, d) => {
        // when
        const due = add(t, d);
        // then
        expect(between(t, due)).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the earliest such instant: one millisecond before it, less than d has passed', () => {
    fc.assert(
      fc.property(
        instant,
        durationMs.filter((d) => d > 0),
        (t, d) => {
          expect(between(t, add(t, d) - 1)).toBeLessThan(d);
        },
      ),
    );
  });

  it('keeps the inverse with pauses: add(t, d, P) is the earliest u with between(t, u, P) = d', () => {
    fc.assert(
      fc.property(
        instant.chain((t) => fc.tuple(fc.constant(t), pausesAround(t))),
        durationMs,
        ([t, p], d) => {
          const due = add(t, d, p);
          expect(between(t, due, p)).toBe(d);
          if (d > 0) expect(between(t, due - 1, p)).toBeLessThan(d); // still the earliest instant
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is monotonic: later starts and longer durations never give an earlier due time', () => {
    fc.assert(
      fc.property(instant, instant, durationMs, durationMs, (t1, t2, d1, d2) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(add(early, short)).toBeGreaterThanOrEqual(early);
        expect(add(early, short)).toBeLessThanOrEqual(add(early, long));
        expect(add(early, short)).toBeLessThanOrEqual(add(late, short));
      }),
    );
  });

  it('adds up: between(a, c) = between(a, b) + between(b, c), and is antisymmetric', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(between(a, c)).toBe(between(a, b) + between(b, c));
        expect(between(a, b) + between(b, a)).toBe(0);
      }),
    );
  });

  it('subtracts as the mirror of add: between(subtract(u, d), u) = d, at the latest such instant', () => {
    fc.assert(
      fc.property(instant, durationMs, (u, d) => {
        const start = calendar.subtractWorkingTime(new Date(u), { seconds: d / 1000 }).getTime();
        expect(between(start, u)).toBe(d);
        if (d > 0) expect(between(start + 1, u)).toBeLessThan(d);
      }),
    );
  });

  it('counts from the next opening: add(t, d) = add(nextOpening(t), d), and nothing passes before it', () => {
    fc.assert(
      fc.property(
        instant,
        durationMs.filter((d) => d > 0),
        (t, d) => {
          const opening = calendar.nextOpening(new Date(t)).getTime();
          expect(opening).toBeGreaterThanOrEqual(t);
          expect(between(t, opening)).toBe(0);
          expect(add(t, d)).toBe(add(opening, d));
        },
      ),
    );
  });

  it('gives the same time of day N working days later for a dossier received inside a session', () => {
    // given t strictly inside a session (on a session start, the earlier session's end is returned instead)
    const insideSession = instant.filter((t) => {
      const clock = new Date(t + 7 * HOUR_MS).toISOString().slice(11, 23);
      return calendar.nextOpening(new Date(t)).getTime() === t && !['07:00:00.000', '13:30:00.000'].includes(clock);
    });
    fc.assert(
      fc.property(insideSession, fc.integer({ min: 1, max: 40 }), (t, days) => {
        // when
        const due = calendar.addWorkingTime(new Date(t), { days });
        // then
        expect(due.getTime() % 86_400_000).toBe(t % 86_400_000);
        expect(calendar.isWorkingDay(due)).toBe(true);
      }),
    );
  });

  it('agrees with a minute-by-minute count over a few days', () => {
    // given a naive oracle that walks every minute
    const minuteAligned = instant.map((t) => t - (t % 60_000));
    const naiveMinutes = (from: number, to: number) => {
      let minutes = 0;
      for (let m = from; m < to; m += 60_000) {
        const clock = new Date(m + 7 * HOUR_MS).toISOString().slice(11, 16);
        const open = (clock >= '07:00' && clock < '11:30') || (clock >= '13:30' && clock < '17:00');
        if (open && calendar.isWorkingDay(new Date(m))) minutes++;
      }
      return minutes;
    };
    fc.assert(
      fc.property(minuteAligned, fc.integer({ min: 0, max: 5 * 24 * 60 }), (from, spanMinutes) => {
        const to = from + spanMinutes * 60_000;
        expect(calendar.workingMinutesBetween(new Date(from), new Date(to))).toBe(naiveMinutes(from, to));
      }),
      { numRuns: 40 },
    );
  });
});
