import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../domain/online-submission.machine';

/** At most this many files in one submission or resubmission. */
export const MAX_SUBMISSION_FILES = 50;

/** Who submits (the phone is the signed-in citizen's); checked by the desk's rule (`APPLICANT_INVALID`). */
export class OnlineApplicantDto {
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

/**
 * `POST /api/online/procedures/:code/submissions`. The answers are checked against the procedure's
 * e-form by libs/common form-fields (`EFORM_FIELD_REQUIRED`, `_UNKNOWN`, `_TOO_LONG`, `_INVALID`).
 */
export class SubmitOnlineDto {
  @ApiProperty({ type: OnlineApplicantDto })
  @IsObject()
  @ValidateNested()
  @Type(() => OnlineApplicantDto)
  applicant: OnlineApplicantDto;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: "The e-form's answers by field key",
  })
  @IsOptional()
  @IsObject()
  answers?: Record<string, unknown>;
  @ApiProperty({
    type: [String],
    description: 'Ids of the files staged for this procedure',
    maxItems: MAX_SUBMISSION_FILES,
  })
  @IsArray()
  @ArrayMaxSize(MAX_SUBMISSION_FILES)
  @IsString({ each: true })
  @MaxLength(FIELD_LIMITS.code, { each: true })
  files: string[];
}

/** `POST /api/online/submissions/:id/resubmit`: the files added, and the answers if corrected. */
export class ResubmitOnlineDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  })
  @IsOptional()
  @IsObject()
  answers?: Record<string, unknown>;
  @ApiProperty({ type: [String], maxItems: MAX_SUBMISSION_FILES })
  @IsArray()
  @ArrayMaxSize(MAX_SUBMISSION_FILES)
  @IsString({ each: true })
  @MaxLength(FIELD_LIMITS.code, { each: true })
  files: string[];
}

/** The desk's reason for a supplement request or a refusal (sent to the citizen by SMS). */
export class SubmissionReasonDto {
  @ApiProperty({ example: 'Bản sao giấy tờ pháp lý không rõ, đề nghị tải lại', maxLength: FIELD_LIMITS.reason })
  @IsString()
  @MaxLength(FIELD_LIMITS.reason)
  reason: string;
}

export class SubmissionQueueQueryDto {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES, enumName: 'SubmissionStatus', default: 'waiting' })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000) offset?: number;
}

export class StagedFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() procedureCode: string;
  @ApiProperty() documentKey: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class StagedFilesDto {
  @ApiProperty({ type: [StagedFileDto] }) items: StagedFileDto[];
}

export class SubmissionApplicantDto {
  @ApiProperty() fullName: string;
  @ApiProperty() idNumber: string;
  @ApiProperty() phone: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() address?: string;
}

export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'TT-261207-K7M2QX', description: 'The pre-registration code (mã tiếp nhận trực tuyến)' })
  code: string;
  @ApiProperty() procedureCode: string;
  @ApiProperty() procedureName: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES, enumName: 'SubmissionStatus' }) status: SubmissionStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Why the desk asked for a supplement or refused' })
  reason: string | null;
  @ApiProperty({ description: 'How many times it was sent (1 + resubmissions)' }) rounds: number;
  @ApiProperty({ nullable: true, type: String, description: 'The dossier code once accepted' })
  dossierCode: string | null;
  @ApiProperty({ type: SubmissionApplicantDto }) applicant: SubmissionApplicantDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  })
  answers: Record<string, string | number | boolean>;
  @ApiProperty({ type: [StagedFileDto] }) files: StagedFileDto[];
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SubmissionListDto {
  @ApiProperty({ type: [SubmissionDto] }) items: SubmissionDto[];
  @ApiPropertyOptional() total?: number;
}

export class AcceptedDossierDto {
  @ApiProperty() code: string;
  @ApiProperty({ format: 'date-time' }) appointmentAt: string;
}

export class AcceptedSubmissionDto {
  @ApiProperty({ type: SubmissionDto }) submission: SubmissionDto;
  @ApiProperty({ type: AcceptedDossierDto }) dossier: AcceptedDossierDto;
}
