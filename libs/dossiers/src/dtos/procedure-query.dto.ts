import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FIELD_LIMITS, MAX_OFFSET } from '../../../common/src';

/** `GET /api/procedures?field=&q=&limit=&offset=` */
export class ProcedureQueryDto {
  @ApiPropertyOptional({ example: 'Hộ tịch' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.category)
  field?: string;
  @ApiPropertyOptional({ description: 'Code or name, in part' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}
