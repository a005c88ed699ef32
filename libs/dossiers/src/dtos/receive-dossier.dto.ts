import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import { CHANNELS, type Channel } from '../domain/procedure.types';
import { IsReceivedDocument } from './received-document.validator';

/**
 * Only the lengths are checked here, before anything else reads the text (issue 15, item 8);
 * what each field must look like is the domain's rule (`APPLICANT_INVALID`, one detail per field).
 */
export class ApplicantDto {
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.personName) fullName?: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) idNumber?: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.phone) phone?: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.email) email?: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.address) address?: string;
}

/**
 * `POST /api/dossiers` (DESIGN §6). The applicant and documents are checked by the domain rules
 * (`APPLICANT_INVALID`, `DOCUMENT_MISSING`), which name the field or document at fault.
 */
export class ReceiveDossierDto {
  @IsString() @MaxLength(FIELD_LIMITS.code) procedureCode: string;
  @IsObject() @ValidateNested() @Type(() => ApplicantDto) applicant: ApplicantDto;
  @IsIn(CHANNELS) channel: Channel;
  /** Document codes, or `{code, copies?}`. */
  @IsOptional() @IsArray() @ArrayMaxSize(FIELD_LIMITS.documents) @IsReceivedDocument({ each: true }) documents?: unknown[];
  /** When the dossier reached the desk (postal, online), if earlier than now. */
  @IsOptional() @MaxLength(FIELD_LIMITS.timeText) @IsISO8601({ strict: true }) receivedAt?: string;
}
