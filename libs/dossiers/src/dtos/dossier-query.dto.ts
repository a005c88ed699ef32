import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import { DOSSIER_STATUSES } from '../domain/dossier-status.machine';
import { MAX_OFFSET } from '../../../common/src';

/** `GET /api/dossiers?status=&procedure=&q=&limit=&offset=` */
export class DossierQueryDto {
  @ApiPropertyOptional({ enum: DOSSIER_STATUSES, enumName: 'DossierStatus' })
  @IsOptional()
  @IsIn(DOSSIER_STATUSES)
  status?: string;
  @ApiPropertyOptional({ description: 'Procedure code' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.code)
  procedure?: string;
  @ApiPropertyOptional({ description: 'Dossier code or applicant name, in part' })
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
