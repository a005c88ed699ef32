import { ArrayMaxSize, IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';

/** Refusal, withdrawal: the reason goes on Form 03 / the control slip. */
export class ReasonDto {
  @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.reason) reason: string;
}

/** Optional note on resuming or returning. */
export class NoteDto {
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.reason) note?: string;
}

/** Form 02: what the citizen must add (document names, from the catalog or typed). */
export class SupplementRequestDto extends ReasonDto {
  @IsOptional() @IsArray() @ArrayMaxSize(FIELD_LIMITS.documents) @IsString({ each: true }) @MaxLength(FIELD_LIMITS.title, { each: true }) documents?: string[];
}

/** Form 04: apology with the new appointment. */
export class ApologyDto extends ReasonDto {
  @MaxLength(FIELD_LIMITS.timeText) @IsISO8601({ strict: true }) newAppointmentAt: string;
}
