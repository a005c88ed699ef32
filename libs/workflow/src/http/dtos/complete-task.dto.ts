import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src';
import { IsProcessVariables } from './process-variables.validator';

/** Files one completion may attach. */
export const MAX_STEP_ATTACHMENTS = 20;

export class CompleteTaskDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { outcome: 'approved', approved: true } })
  @IsOptional()
  @IsObject()
  @IsProcessVariables()
  variables?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: "The officer's opinion (ý kiến xử lý); a step's form may require it (400 OPINION_REQUIRED)",
    maxLength: FIELD_LIMITS.reason,
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.reason)
  opinion?: string;

  @ApiPropertyOptional({
    description: 'Ids of files uploaded for this task (kind attachment); 400 FILE_NOT_ATTACHABLE otherwise',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STEP_ATTACHMENTS)
  @IsUUID('all', { each: true })
  attachments?: string[];
}
