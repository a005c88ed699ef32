import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import { CHANNELS, type Channel } from '../domain/procedure.types';
import { IsReceivedDocument } from './received-document.validator';

/**
 * Only the lengths are checked here, before anything else reads the text (issue 15, item 8);
 * what each field must look like is the domain's rule (`APPLICANT_INVALID`, one detail per field).
 */
export class ApplicantDto {
  @ApiProperty({ example: 'Nguyễn Văn A', maxLength: FIELD_LIMITS.personName })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.personName)
  fullName?: string;
  @ApiProperty({ example: '001190000001', description: 'CCCD (12 digits) or CMND (9 digits)' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  idNumber?: string;
  @ApiProperty({ example: '0912345678' }) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.phone) phone?: string;
  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.email })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.email)
  email?: string;
  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.address })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.address)
  address?: string;
}

/** A received document with the number of sets handed in. */
export class DocumentCountDto {
  @ApiProperty() code: string;
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: FIELD_LIMITS.copies }) copies?: number;
}

/**
 * `POST /api/dossiers` (DESIGN §6). The applicant and documents are checked by the domain rules
 * (`APPLICANT_INVALID`, `DOCUMENT_MISSING`), which name the field or document at fault.
 */
export class ReceiveDossierDto {
  @ApiProperty({ example: '1.001193' }) @IsString() @MaxLength(FIELD_LIMITS.code) procedureCode: string;
  @ApiProperty({ type: ApplicantDto }) @IsObject() @ValidateNested() @Type(() => ApplicantDto) applicant: ApplicantDto;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) @IsIn(CHANNELS) channel: Channel;
  /** Document codes, or `{code, copies?}`. */
  @ApiPropertyOptional({
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/DocumentCountDto' }] },
    description: 'Document codes, or {code, copies}',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FIELD_LIMITS.documents)
  @IsReceivedDocument({ each: true })
  documents?: unknown[];
  /** When the dossier reached the desk (postal, online), if earlier than now. */
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Postal or online: when it reached the desk (at most 30 days back)',
  })
  @IsOptional()
  @MaxLength(FIELD_LIMITS.timeText)
  @IsISO8601({ strict: true })
  receivedAt?: string;
}
