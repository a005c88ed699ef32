import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src';
import { ListQueryDto } from './list-query.dto';

export class DefinitionQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only the versions of this key' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.bpmnId)
  key?: string;
}
