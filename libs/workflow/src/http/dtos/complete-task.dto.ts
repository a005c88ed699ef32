import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { IsProcessVariables } from './process-variables.validator';

export class CompleteTaskDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { approved: true } })
  @IsOptional()
  @IsObject()
  @IsProcessVariables()
  variables?: Record<string, unknown>;
}
