import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { FIELD_LIMITS, IsTextMap, MAX_VERSION } from '../../../common/src';

/** `POST /api/admin/migrations` and `…/plan`: which instances move, and how their element ids map. */
export class MigrationDto {
  @ApiProperty({ example: 'cap-giay-phep' })
  @IsString()
  @MaxLength(FIELD_LIMITS.bpmnId)
  definitionKey!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  fromVersion!: number;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  toVersion!: number;

  @ApiPropertyOptional({ description: 'Default: every running instance of fromVersion' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FIELD_LIMITS.migrationInstances)
  @IsUUID('all', { each: true })
  instanceIds?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Old element id → new element id; unlisted ids map to the same id',
    example: { Task_Receive: 'Task_Intake' },
  })
  @IsOptional()
  @IsObject()
  @IsTextMap(FIELD_LIMITS.migrationMappings, FIELD_LIMITS.bpmnId)
  mapping?: Record<string, string>;
}

/** An instance left where it was, and why. */
export class MigrationRefusalDto {
  @ApiProperty({ format: 'uuid' }) instanceId: string;
  @ApiProperty({
    example: 'MIGRATION_NOT_WAITING',
    description:
      "INSTANCE_NOT_FOUND, MIGRATION_WRONG_VERSION, MIGRATION_NOT_RUNNING, MIGRATION_NOT_WAITING, or the engine's refusal (MIGRATION_UNMAPPED_ELEMENT, MIGRATION_INCOMPATIBLE…)",
  })
  code: string;
  @ApiProperty() message: string;
}

/** What migrated (or, for the plan, would) and what was refused, instance by instance. */
export class MigrationReportDto {
  @ApiProperty({ type: [String], description: 'Instance ids' }) migrated: string[];
  @ApiProperty({ type: [MigrationRefusalDto] }) refused: MigrationRefusalDto[];
}
