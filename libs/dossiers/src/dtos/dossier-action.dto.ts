import { IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Refusal, withdrawal: the reason goes on Form 03 / the control slip. */
export class ReasonDto {
  @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

/** Optional note on resuming or returning. */
export class NoteDto {
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** Form 02: what the citizen must add. */
export class SupplementRequestDto extends ReasonDto {
  @IsOptional() @IsArray() @IsString({ each: true }) documents?: string[];
}

/** Form 04: apology with the new appointment. */
export class ApologyDto extends ReasonDto {
  @IsISO8601({ strict: true }) newAppointmentAt: string;
}
