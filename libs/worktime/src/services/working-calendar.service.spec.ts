import type { WorkingTime } from '../../../calendar/src';
import { stepDueAt } from '../../../workflow/src/runtime/deadline.calculator';
import type { HolidayTablesRepository, StoredHolidayTable } from '../repositories/holiday-tables.repository';
import type { OfficeHoursRepository, UnitHoursRow } from '../repositories/office-hours.repository';
import { WorkingCalendarService } from './working-calendar.service';

const friday0900 = new Date('2027-02-19T09:00:00+07:00');
const swappedSaturday: StoredHolidayTable = {
  year: 2027,
  holidays: [],
  workingDays: [{ date: '2027-02-20', name: 'Làm bù' }],
  updatedBy: 'admin',
  updatedAt: new Date(),
};

/** The service over in-memory "tables" the test edits, as another process would. */
function serviceOver(data: { tables: StoredHolidayTable[]; units: UnitHoursRow[]; provinceDefault?: unknown }) {
  const holidayTables = { all: jest.fn(async () => data.tables) } as unknown as HolidayTablesRepository;
  const officeHours = {
    provinceDefault: jest.fn(async () => data.provinceDefault),
    unitsWithOwnHours: jest.fn(async () => data.units),
  } as unknown as OfficeHoursRepository;
  return new WorkingCalendarService(holidayTables, officeHours, { refreshMs: 30_000 });
}

describe('WorkingCalendarService', () => {
  it('fits the one WorkingTime port as it is', () => {
    // given / when: this assignment is the check (tsc)
    const service = serviceOver({ tables: [], units: [] });
    const asWorkingTime: WorkingTime = service;
    // then: a detached add keeps working (the engine passes it around)
    const { add } = asWorkingTime;
    expect(add(friday0900, 'P1D', '000.00.20.H15').toISOString()).toBe('2027-02-22T02:00:00.000Z');
    expect(asWorkingTime.add(friday0900, 'PT1H').toISOString()).toBe('2027-02-19T03:00:00.000Z');
    expect(
      asWorkingTime.calendarSync?.('000.00.20.H15').workingMillisBetween(friday0900, add(friday0900, 'PT1H')),
    ).toBe(3_600_000);
  });

  it('answers synchronously from the preloaded tables', async () => {
    // given
    const service = serviceOver({ tables: [swappedSaturday], units: [] });
    // when
    await service.preload();
    // then
    expect(stepDueAt(service, friday0900, 'P1D', '000.00.20.H15')?.toISOString()).toBe('2027-02-20T02:00:00.000Z');
  });

  it('uses default holidays and hours before preload rather than failing an engine command', () => {
    const service = serviceOver({ tables: [swappedSaturday], units: [] });
    expect(service.calendarSync().addWorkingTime(friday0900, 'P1D').toISOString()).toBe('2027-02-22T02:00:00.000Z');
  });

  it("picks up a change after changed(), and a unit's own hours", async () => {
    // given
    const data = { tables: [] as StoredHolidayTable[], units: [] as UnitHoursRow[] };
    const service = serviceOver(data);
    await service.preload();
    // when
    data.tables = [swappedSaturday];
    data.units = [
      {
        code: '000.02.20.H15',
        officeHours: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
      },
    ];
    await service.changed();
    // then
    expect(stepDueAt(service, friday0900, 'P1D', '000.00.20.H15')?.toISOString()).toBe('2027-02-20T02:00:00.000Z');
    expect(service.add(new Date('2027-03-01T07:00:00+07:00'), 'PT4H', '000.02.20.H15').toISOString()).toBe(
      '2027-03-01T05:00:00.000Z',
    );
  });

  it('ignores unusable stored unit hours and the province default falls in', async () => {
    const service = serviceOver({
      tables: [],
      units: [{ code: '000.02.20.H15', officeHours: [{ start: '17:00', end: '07:00' }] }],
    });
    await service.preload();
    expect(service.add(new Date('2027-03-01T07:00:00+07:00'), 'PT4H', '000.02.20.H15').toISOString()).toBe(
      '2027-03-01T04:00:00.000Z',
    );
  });

  it('gives no due time without a duration or with one that is not working time', async () => {
    const service = serviceOver({ tables: [], units: [] });
    await service.preload();
    expect(stepDueAt(service, friday0900, undefined, '000.00.20.H15')).toBeNull();
    expect(stepDueAt(service, friday0900, 'P1M', '000.00.20.H15')).toBeNull();
    expect(stepDueAt(service, friday0900, 'P1W', '000.00.20.H15')).toBeNull();
    expect(service.add(friday0900, '1d4h').toISOString()).toBe(service.add(friday0900, 'P1DT4H').toISOString());
    expect(() => service.add(friday0900, 'P1M')).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_DURATION' }) as Error,
    );
  });

  it("workingTimeFor(unit) counts in that unit's calendar unless another unit is passed", async () => {
    const service = serviceOver({
      tables: [],
      units: [{ code: '000.02.20.H15', officeHours: [{ start: '08:00', end: '12:00' }] }],
    });
    await service.preload();
    const monday0700 = new Date('2027-03-01T07:00:00+07:00');
    const workingTime = service.workingTimeFor('000.02.20.H15');
    expect(workingTime.add(monday0700, 'PT1H').toISOString()).toBe('2027-03-01T02:00:00.000Z');
    expect(workingTime.add(monday0700, 'PT1H', '000.00.20.H15').toISOString()).toBe('2027-03-01T01:00:00.000Z');
  });
});
