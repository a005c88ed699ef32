import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FIELD_LIMITS, MAX_OFFSET } from '../../../common/src';
import { LEVELS } from '../catalog/procedure.rules';

/** `GET /api/procedures?field=&level=&q=&limit=&offset=` */
export class ProcedureQueryDto {
  @ApiPropertyOptional({ example: 'Hộ tịch' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.category)
  field?: string;
  @ApiPropertyOptional({ enum: LEVELS, enumName: 'ProcedureLevel', description: 'Only procedures of this level' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: string;
  @ApiPropertyOptional({
    description: 'Words of the name, field, code or process key, in any order, accents and case ignored',
    example: 'ho kinh doanh',
  })
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
