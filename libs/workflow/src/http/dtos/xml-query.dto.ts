import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_VERSION } from '../../../../common/src';

export class XmlQueryDto {
  @ApiPropertyOptional({ description: 'A deployed version; the latest when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version?: number;
}
