import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

export class NamedDayDto {
  @ApiProperty({ example: '2027-02-08', description: "'YYYY-MM-DD', a date of the year" }) date: string;
  @ApiProperty({ example: 'Tết Nguyên Đán', maxLength: 200 }) name: string;
}

/**
 * Body of `PUT /api/calendar/holidays`. Only `@Allow`ed here: `parseHolidayInput` checks the
 * whole table and reports every problem at once (400 CALENDAR_INVALID_HOLIDAYS with `details`),
 * which per-field class-validator messages could not do (duplicates, wrong year, weekday swaps).
 */
export class HolidayTableBodyDto {
  @ApiPropertyOptional({ type: 'integer', example: 2027, description: 'Optional; must match ?year= when given' })
  @Allow()
  year?: unknown;

  @ApiProperty({ type: [NamedDayDto], description: 'Days off (ngày nghỉ)' })
  @Allow()
  holidays: unknown;

  @ApiPropertyOptional({ type: [NamedDayDto], description: 'Saturdays or Sundays worked in exchange (ngày làm bù)' })
  @Allow()
  workingDays?: unknown;
}

export class HolidayTableViewDto {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ type: [NamedDayDto] }) holidays: NamedDayDto[];
  @ApiProperty({ type: [NamedDayDto] }) workingDays: NamedDayDto[];
  @ApiProperty({
    enum: ['default', 'custom'],
    description: '`default`: computed (Labour Code Art. 112); `custom`: saved by an admin',
  })
  source: 'default' | 'custom';
  @ApiProperty({ nullable: true, type: String }) updatedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
}
