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

/** A field (lĩnh vực) of the published catalog and how many procedures it has. */
export class CatalogFieldDto {
  @ApiProperty({ example: 'Hộ tịch' }) name: string;
  @ApiProperty({ example: 3 }) count: number;
}

/** `GET /api/procedures`: a page of the published catalog, and the fields to filter it by. */
export class PublicProcedureListDto extends ProcedureListDto {
  @ApiProperty({ type: [CatalogFieldDto], description: 'Every field of the published catalog (not only of this page)' })
  fields: CatalogFieldDto[];
}

/** A working session of the office (Vietnam time). */
export class OfficeSessionDto {
  @ApiProperty({ example: '07:00' }) start: string;
  @ApiProperty({ example: '11:30' }) end: string;
}

/** Where a citizen hands the dossier in: the unit's name, address and office hours; nothing about its staff. */
export class ReceivingUnitDto {
  @ApiProperty({ example: '000.00.20.H15' }) code: string;
  @ApiProperty({ example: 'UBND thành phố Buôn Ma Thuột' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: '01 Lê Thị Hồng Gấm, phường Tân Lợi, TP. Buôn Ma Thuột' })
  address: string | null;
  @ApiProperty({
    type: [OfficeSessionDto],
    description: "The unit's daily sessions on working days (its own, else the province's)",
  })
  officeHours: OfficeSessionDto[];
}

/** `GET /api/procedures/:code`: the entry and where to hand the dossier in. */
export class PublicProcedureDto extends ProcedureDto {
  @ApiProperty({
    type: ReceivingUnitDto,
    nullable: true,
    description: 'The unit that manages the procedure; null when the province does (or the unit is inactive)',
  })
  receivingUnit: ReceivingUnitDto | null;
}

/** `POST /api/admin/procedures/import`: the codes created and replaced. */
export class CatalogImportResultDto {
  @ApiProperty({ type: [String] }) created: string[];
  @ApiProperty({ type: [String] }) updated: string[];
}
