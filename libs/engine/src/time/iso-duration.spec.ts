import { parseIsoDuration } from '../../../calendar/src/step-duration.grammar';
import { addIsoDuration, parseIsoDateTime } from './iso-duration';

describe('ISO 8601 durations on the wall clock (the grammar: libs/calendar)', () => {
  it('add calendar months and exact hours', () => {
    // given
    const from = new Date('2025-01-31T01:00:00.000Z');

    // when / then
    expect(addIsoDuration(from, parseIsoDuration('PT90M')!).toISOString()).toBe('2025-01-31T02:30:00.000Z');
    expect(addIsoDuration(from, parseIsoDuration('P1D')!).toISOString()).toBe('2025-02-01T01:00:00.000Z');
    expect(addIsoDuration(new Date('2025-01-15T00:00:00Z'), parseIsoDuration('P1M')!).toISOString()).toBe(
      '2025-02-15T00:00:00.000Z',
    );
  });

  it('date-times need an offset', () => {
    // given / when / then
    expect(parseIsoDateTime('2025-03-10T08:00:00+07:00')?.toISOString()).toBe('2025-03-10T01:00:00.000Z');
    expect(parseIsoDateTime('2025-03-10T08:00:00')).toBeNull();
    expect(parseIsoDateTime('2025-02-30T08:00:00Z')).not.toBeNull(); // Date rolls it over; ISO form is what we check
  });
});
