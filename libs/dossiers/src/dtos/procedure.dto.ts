import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EFormDto, FormTemplateDto, LegalTimeDto, RequiredDocumentDto } from '../catalog/procedure-admin.dto';
import { LEVELS } from '../catalog/procedure.rules';
import { CHANNELS, type Channel, type Procedure } from '../domain/procedure.types';

/** The schema of a legal time, for properties typed as the domain's `Procedure['legalTime']`. */
export const LEGAL_TIME_SCHEMA = { type: LegalTimeDto } as const;

/** A catalog entry (processes/catalog.json), as the public catalog and the admin pages serve it. */
export class ProcedureDto {
  @ApiProperty({ example: '1.001193' }) code: string;
  @ApiProperty({ example: 'Thủ tục đăng ký khai sinh' }) name: string;
  @ApiProperty({ example: 'Hộ tịch' }) field: string;
  @ApiProperty({ enum: LEVELS, enumName: 'ProcedureLevel' }) level: string;
  /** Typed as the domain's: the catalog rule keeps it to the three forms the schema shows. */
  @ApiProperty(LEGAL_TIME_SCHEMA) legalTime: Procedure['legalTime'];
  @ApiProperty({ description: 'VND, integer' }) fee: number;
  @ApiProperty({ nullable: true, type: String }) feeRules: string | null;
  @ApiProperty({ type: [RequiredDocumentDto] }) requiredDocuments: RequiredDocumentDto[];
  @ApiProperty({ type: [FormTemplateDto] }) formTemplates: FormTemplateDto[];
  @ApiProperty({ example: 'dang-ky-khai-sinh' }) processKey: string;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'A pinned deployed version; null or absent: the latest',
  })
  processVersion?: number | null;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel', isArray: true }) channels: Channel[];
  @ApiProperty() published: boolean;
  @ApiPropertyOptional({
    description: 'The citizen may download the result file with code and lookup key (issue 16); absent: false',
  })
  electronicResult?: boolean;
  @ApiPropertyOptional({ type: EFormDto, nullable: true, description: 'The e-form of online submission; null: none' })
  eForm?: EFormDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The unit whose administrators manage the entry; null: the province',
  })
  ownerUnitCode?: string | null;
}

export class ProcedureListDto {
  @ApiProperty({ type: [ProcedureDto] }) items: ProcedureDto[];
  @ApiProperty() total: number;
}

/** `POST /api/admin/procedures/import`: the codes created and replaced. */
export class CatalogImportResultDto {
  @ApiProperty({ type: [String] }) created: string[];
  @ApiProperty({ type: [String] }) updated: string[];
}
