import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FIELD_LIMITS, FIELD_TYPES, type FieldType } from '../../../common/src';
import { CHANNELS, DOCUMENT_KINDS, type Channel } from '../domain/procedure.types';
import { LEVELS } from './procedure.rules';
import { MAX_OFFSET, MAX_VERSION } from '../../../common/src';

export class RequiredDocumentDto {
  @ApiProperty({ example: 'to-khai' }) @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.code) code: string;
  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.title)
  name: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) @IsIn(DOCUMENT_KINDS) kind:
    'original' | 'certified_copy' | 'copy';
  @ApiProperty() @IsBoolean() required: boolean;
}

export class FormFieldOptionDto {
  @ApiProperty() value: string;
  @ApiProperty() label: string;
}

/** A field of a form (libs/common form-fields): the same definition as a step's `mc:form` fields. */
export class FormFieldDto {
  @ApiProperty({ example: 'businessName' }) key: string;
  @ApiProperty({ example: 'Tên hộ kinh doanh' }) label: string;
  @ApiProperty({ enum: FIELD_TYPES, enumName: 'FormFieldType' }) type: FieldType;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [FormFieldOptionDto] }) options: FormFieldOptionDto[];
  @ApiProperty({ type: [String] }) onlyWith: string[];
  @ApiProperty({ description: 'Longest text accepted (characters)' }) maxLength: number;
  @ApiPropertyOptional() help?: string;
}

/** The e-form a citizen fills to submit online (issue 18 item 3); 400 `EFORM_DEFINITION_INVALID` when a field is unusable. */
export class EFormDto {
  @ApiProperty({ type: [FormFieldDto] }) fields: FormFieldDto[];
}

/** Exactly one of the three forms (400 `LEGAL_TIME_INVALID` otherwise). */
export class LegalTimeDto {
  @ApiPropertyOptional({ type: 'integer', description: 'Working days', minimum: 1 }) days?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Working hours', minimum: 1 }) hours?: number;
  @ApiPropertyOptional({ enum: [true], description: 'Resolved the day it is received' }) sameDay?: boolean;
}

export class FormTemplateDto {
  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.title)
  name: string;
  @ApiProperty({ example: 'to-khai-dang-ky-khai-sinh.html' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.fileName)
  file: string;
}

/** A procedure as edited on the catalog page (`PUT /api/admin/procedures/:code`); semantics in `procedure.rules.ts`. */
export class ProcedureBodyDto {
  @ApiProperty({ example: 'Thủ tục đăng ký khai sinh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.title)
  name: string;
  @ApiProperty({ example: 'Hộ tịch' }) @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.category) field: string;
  @ApiProperty({ enum: LEVELS, enumName: 'ProcedureLevel' }) @IsIn(LEVELS) level: string;
  @ApiProperty({
    type: LegalTimeDto,
    example: { days: 3 },
    description: 'Exactly one of {days}, {hours} or {sameDay: true}; else 400 LEGAL_TIME_INVALID',
  })
  @IsObject()
  legalTime: Record<string, unknown>;
  @ApiProperty({ description: 'VND, integer' }) @IsInt() @Min(0) @Max(1_000_000_000) fee: number;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.reason)
  feeRules?: string | null;
  @ApiProperty({ type: [RequiredDocumentDto] })
  @IsArray()
  @ArrayMaxSize(FIELD_LIMITS.documents)
  @ValidateNested({ each: true })
  @Type(() => RequiredDocumentDto)
  requiredDocuments: RequiredDocumentDto[];
  @ApiPropertyOptional({
    type: [FormTemplateDto],
    description: 'Files are uploaded with POST …/forms; here they may be renamed or dropped',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FIELD_LIMITS.formTemplates)
  @ValidateNested({ each: true })
  @Type(() => FormTemplateDto)
  formTemplates?: FormTemplateDto[];
  @ApiProperty({ example: 'dang-ky-khai-sinh', description: 'A deployed process key; else 400 PROCESS_KEY_UNKNOWN' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.bpmnId)
  processKey: string;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'A deployed version (400 PROCESS_VERSION_UNKNOWN), or null for the latest',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  processVersion?: number | null;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel', isArray: true })
  @IsArray()
  @ArrayMaxSize(CHANNELS.length)
  @IsIn(CHANNELS, { each: true })
  channels: Channel[];
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() published?: boolean;
  @ApiPropertyOptional({
    default: false,
    description: 'The citizen may download the result file with code and lookup key (issue 16)',
  })
  @IsOptional()
  @IsBoolean()
  electronicResult?: boolean;
  @ApiPropertyOptional({
    type: EFormDto,
    nullable: true,
    description: 'The e-form of online submission (fields as in mc:form); absent: unchanged, null: none',
  })
  @IsOptional()
  @IsObject()
  eForm?: EFormDto | null;
  @ApiPropertyOptional({
    description: "Owning unit of a new entry (default: the administrator's unit); an existing entry keeps its owner",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  ownerUnitCode?: string;
}

/** `POST /api/admin/procedures`: a new code (409 PROCEDURE_CODE_TAKEN when it exists). */
export class CreateProcedureDto extends ProcedureBodyDto {
  @ApiProperty({ example: '1.001193' }) @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.code) code: string;
}

export class AdminProcedureQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.search) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.category) field?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) published?: 'true' | 'false';
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}

export class FormUploadDto {
  @ApiPropertyOptional({ description: 'The name shown to applicants; defaults to the file name' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.title)
  name?: string;
}
