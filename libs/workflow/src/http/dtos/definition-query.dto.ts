import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from './list-query.dto';

export class DefinitionQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only the versions of this key' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  key?: string;
}
