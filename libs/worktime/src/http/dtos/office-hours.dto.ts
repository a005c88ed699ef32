import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src';

export class OfficeSessionDto {
  @ApiProperty({ example: '07:00', description: "'HH:mm', local time" }) start: string;
  @ApiProperty({ example: '11:30', description: "'HH:mm', exclusive ('24:00' allowed)" }) end: string;
}

/** Body of `PUT /api/calendar/office-hours`; checked by libs/calendar (400 CALENDAR_INVALID_HOURS). */
export class OfficeHoursBodyDto {
  @ApiProperty({
    type: [OfficeSessionDto],
    example: [
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ],
  })
  @Allow()
  sessions: unknown;
}

export class UnitQueryDto {
  @ApiPropertyOptional({ example: '000.00.20.H15', description: 'Unit code; without it, the province default' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  unit?: string;
}

export class OfficeHoursViewDto {
  @ApiProperty({ nullable: true, type: String, example: '000.00.20.H15' }) unitCode: string | null;
  @ApiProperty({ type: [OfficeSessionDto] }) sessions: OfficeSessionDto[];
  @ApiProperty({ enum: ['default', 'unit'] }) source: 'default' | 'unit';
  @ApiProperty({ example: 480, description: 'One working day in minutes' }) workingDayMinutes: number;
}
