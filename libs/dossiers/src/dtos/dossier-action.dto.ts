import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';

/** Refusal, withdrawal: the reason goes on Form 03 / the control slip. */
export class ReasonDto {
  @ApiProperty({ example: 'Hồ sơ không thuộc thẩm quyền giải quyết', maxLength: FIELD_LIMITS.reason })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.reason)
  reason: string;
}

/** Optional note on resuming or returning. */
export class NoteDto {
  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.reason })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.reason)
  note?: string;
}

/** Form 02: what the citizen must add (document names, from the catalog or typed). */
export class SupplementRequestDto extends ReasonDto {
  @ApiPropertyOptional({ type: [String], maxItems: FIELD_LIMITS.documents, example: ['Bản sao giấy chứng sinh'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FIELD_LIMITS.documents)
  @IsString({ each: true })
  @MaxLength(FIELD_LIMITS.title, { each: true })
  documents?: string[];
}

/** Form 04: apology with the new appointment. */
export class ApologyDto extends ReasonDto {
  @ApiProperty({
    format: 'date-time',
    description: 'A valid new appointment (see GET …/appointment-proposals); 400 APPOINTMENT_INVALID otherwise',
  })
  @MaxLength(FIELD_LIMITS.timeText)
  @IsISO8601({ strict: true })
  newAppointmentAt: string;
}
