import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

export class PreviewQueryDto {
  @ApiPropertyOptional({
    example: '2027-02-05T09:00:00+07:00',
    description: 'Received at; without an offset, Vietnam time; default now',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.timeText)
  from?: string;

  @ApiPropertyOptional({ example: 'P2D', description: 'Working time: P2D, PT4H, P1DT2H (also 2d, 4h)' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.timeText)
  duration?: string;

  @ApiPropertyOptional({ example: '000.00.20.H15', description: 'Unit whose office hours apply' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  unit?: string;

  @ApiPropertyOptional({
    description: 'Same-day procedure: closing time, or next working day when received from 15:00',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  sameDay?: boolean;
}

export class DeadlinePreviewDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'From itself inside office hours, else the next opening' })
  countingStartsAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ nullable: true, type: String, example: 'P2D' }) duration: string | null;
  @ApiProperty() sameDay: boolean;
  @ApiProperty({ nullable: true, type: String }) unitCode: string | null;
}
