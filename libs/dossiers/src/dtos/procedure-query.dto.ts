import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_OFFSET } from '../../../common/src';

/** `GET /api/procedures?field=&q=&limit=&offset=` */
export class ProcedureQueryDto {
  @IsOptional() @IsString() @MaxLength(200) field?: string;
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset?: number;
}
