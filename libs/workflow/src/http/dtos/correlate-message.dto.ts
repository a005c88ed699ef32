import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsProcessVariables } from './process-variables.validator';
import { FIELD_LIMITS } from '../../../../common/src';

export class CorrelateMessageDto {
  @ApiProperty({ example: 'supplementReceived' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.bpmnId)
  messageName: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  @IsProcessVariables()
  variables?: Record<string, unknown>;
}
