import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FIELD_LIMITS, MAX_OFFSET } from '../../../common/src';

/** `GET /api/procedures?field=&q=&limit=&offset=` */
export class ProcedureQueryDto {
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.category) field?: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.search) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset?: number;
}
