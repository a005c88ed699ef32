import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

export class CompleteTaskDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { approved: true } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}
