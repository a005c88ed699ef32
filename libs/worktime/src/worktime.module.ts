import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CalendarController } from './http/calendar.controller';
import { HolidayTablesRepository } from './repositories/holiday-tables.repository';
import { OfficeHoursRepository } from './repositories/office-hours.repository';
import { DeadlinePreviewService } from './services/deadline-preview.service';
import { HolidaysService } from './services/holidays.service';
import { OfficeHoursService } from './services/office-hours.service';
import { WorkingCalendarService } from './services/working-calendar.service';
import { WORKTIME_CONFIG, worktimeConfig } from './worktime.config';

/**
 * The working-day calendar as the server runs it: holiday tables and office hours in
 * Postgres, `/api/calendar`, and `WorkingCalendarService` (and `OfficeHoursService`, read) for every module (global).
 * Needs TypeORM from the app; `AUDIT_LOG` (identity) is used when present.
 */
@Global()
@Module({
  controllers: [CalendarController],
  providers: [
    { provide: WORKTIME_CONFIG, useFactory: () => worktimeConfig() },
    HolidayTablesRepository,
    OfficeHoursRepository,
    WorkingCalendarService,
    HolidaysService,
    OfficeHoursService,
    DeadlinePreviewService,
  ],
  // OfficeHoursService: the public catalog shows a unit's office hours (libs/dossiers).
  exports: [WorkingCalendarService, OfficeHoursService],
})
export class WorktimeModule {
  /**
   * The module, also providing `WorkingCalendarService` under other modules' tokens, e.g.
   * `WorktimeModule.providing(WORKING_TIME)` so workflow counts step
   * deadlines and `mc:workingTime` timers in working time.
   */
  static providing(...tokens: (string | symbol)[]): DynamicModule {
    const aliases = tokens.map((token) => ({ provide: token, useExisting: WorkingCalendarService }));
    return { module: WorktimeModule, global: true, providers: aliases, exports: tokens };
  }
}
