import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import { DOSSIER_STATUSES } from '../domain/dossier-status.machine';
import { MAX_OFFSET } from '../../../common/src';

/** `GET /api/dossiers?status=&procedure=&q=&limit=&offset=` */
export class DossierQueryDto {
  @IsOptional() @IsIn(DOSSIER_STATUSES) status?: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.code) procedure?: string;
  @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.search) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset?: number;
}
