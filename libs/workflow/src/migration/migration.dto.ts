import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
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

  @ApiPropertyOptional({ description: 'Old element id → new element id; unlisted ids map to the same id', example: { Task_Receive: 'Task_Intake' } })
  @IsOptional()
  @IsObject()
  @IsTextMap(FIELD_LIMITS.migrationMappings, FIELD_LIMITS.bpmnId)
  mapping?: Record<string, string>;
}
