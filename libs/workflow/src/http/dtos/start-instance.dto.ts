import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsProcessVariables } from './process-variables.validator';
import { FIELD_LIMITS } from '../../../../common/src';

export class StartInstanceDto {
  @ApiProperty({ example: 'dang-ky-ho-kinh-doanh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.bpmnId)
  definitionKey: string;

  @ApiPropertyOptional({ example: '000.20.15.H15-250601-0001' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.bpmnId)
  businessKey?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { receivingUnit: '000.20.15.H15' } })
  @IsOptional()
  @IsObject()
  @IsProcessVariables()
  variables?: Record<string, unknown>;
}
