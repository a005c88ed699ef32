import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { DeadlinePreviewService } from '../services/deadline-preview.service';
import { HolidaysService } from '../services/holidays.service';
import { OfficeHoursService } from '../services/office-hours.service';
import { HolidayTableBodyDto, HolidayTableViewDto } from './dtos/holiday-table.dto';
import { OfficeHoursBodyDto, OfficeHoursViewDto, UnitQueryDto } from './dtos/office-hours.dto';
import { DeadlinePreviewDto, PreviewQueryDto } from './dtos/preview.dto';
import { YearQueryPipe } from './year-query.pipe';

const yearQuery = {
  name: 'year',
  required: false,
  type: Number,
  example: 2027,
  description: '1900–2199; default the current year in Vietnam (400 CALENDAR_INVALID_YEAR)',
};

/** The working calendar (DESIGN §4): any staff may read it; only admins change it. */
@ApiTags('calendar')
@Controller('api/calendar')
export class CalendarController {
  constructor(
    private readonly holidays: HolidaysService,
    private readonly officeHours: OfficeHoursService,
    private readonly previews: DeadlinePreviewService,
  ) {}

  @Get('holidays')
  @ApiOperation({ summary: "A year's holidays and swapped working days; `source` says whether an admin edited them" })
  @ApiQuery(yearQuery)
  @ApiOkResponse({ type: HolidayTableViewDto })
  @ApiErrors({ 400: ['CALENDAR_INVALID_YEAR', 'CALENDAR_OUT_OF_RANGE'] })
  getHolidays(@Query('year', YearQueryPipe) year: number | undefined) {
    return this.holidays.get(year);
  }

  @Put('holidays')
  @Roles('admin')
  @ApiOperation({
    summary: "Replace a year's table; 400 CALENDAR_INVALID_HOLIDAYS lists every problem and saves nothing",
  })
  @ApiQuery({ ...yearQuery, description: 'The year to replace (or `year` in the body)' })
  @ApiOkResponse({ type: HolidayTableViewDto })
  @ApiErrors({ 400: ['CALENDAR_INVALID_YEAR', 'CALENDAR_INVALID_HOLIDAYS', 'CALENDAR_OUT_OF_RANGE'] })
  putHolidays(
    @Query('year', YearQueryPipe) year: number | undefined,
    @Body() body: HolidayTableBodyDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.holidays.save(year, body, user);
  }

  @Delete('holidays')
  @Roles('admin')
  @ApiOperation({ summary: 'Back to the computed defaults for the year' })
  @ApiQuery({ ...yearQuery, required: true })
  @ApiOkResponse({ type: HolidayTableViewDto })
  @ApiErrors({ 400: ['CALENDAR_INVALID_YEAR', 'CALENDAR_OUT_OF_RANGE'] })
  resetHolidays(@Query('year', YearQueryPipe) year: number | undefined, @CurrentUser() user: AuthUser) {
    return this.holidays.reset(year, user);
  }

  @Get('office-hours')
  @ApiOperation({
    summary: 'Sessions of a unit (its own, else the province default); without ?unit the province default',
  })
  @ApiOkResponse({ type: OfficeHoursViewDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['UNIT_NOT_FOUND'] })
  getOfficeHours(@Query() query: UnitQueryDto) {
    return this.officeHours.get(query.unit);
  }

  @Put('office-hours')
  @Roles('admin')
  @ApiOperation({
    summary: "Set a unit's own sessions (without ?unit: the province default); 400 CALENDAR_INVALID_HOURS",
  })
  @ApiOkResponse({ type: OfficeHoursViewDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'CALENDAR_INVALID_HOURS'], 403: ['ADMIN_SCOPE'], 404: ['UNIT_NOT_FOUND'] })
  putOfficeHours(@Query() query: UnitQueryDto, @Body() body: OfficeHoursBodyDto, @CurrentUser() user: AuthUser) {
    return this.officeHours.save(query.unit, body, user);
  }

  @Delete('office-hours')
  @Roles('admin')
  @ApiOperation({
    summary: 'The unit back to the province default; without ?unit, the province back to 07:00–11:30, 13:30–17:00',
  })
  @ApiOkResponse({ type: OfficeHoursViewDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['ADMIN_SCOPE'], 404: ['UNIT_NOT_FOUND'] })
  resetOfficeHours(@Query() query: UnitQueryDto, @CurrentUser() user: AuthUser) {
    return this.officeHours.reset(query.unit, user);
  }

  @Get('preview')
  @ApiOperation({
    summary: 'Due time of `duration` (or a same-day procedure) received at `from`, with the saved calendar',
  })
  @ApiOkResponse({ type: DeadlinePreviewDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'CALENDAR_INVALID_DATE', 'CALENDAR_INVALID_DURATION', 'CALENDAR_OUT_OF_RANGE'],
    404: ['UNIT_NOT_FOUND'],
  })
  preview(@Query() query: PreviewQueryDto) {
    return this.previews.preview(query);
  }
}
