import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src';
import { ListQueryDto } from './list-query.dto';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

/** Inbox filters: `?assignee=me`, `?unassigned=true`, `?overdue=true`, `?procedure=`, `?q=` (code, applicant, ID number), `?status=`, `?scope=unit` (heads). */
export class TaskQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['me'] })
  @IsOptional()
  @IsIn(['me'])
  assignee?: 'me';

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Procedure code or process key' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.bpmnId)
  procedure?: string;

  @ApiPropertyOptional({ description: 'Part of the dossier code, applicant name or ID number; accents ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;

  @ApiPropertyOptional({
    enum: ['unit'],
    description:
      "Heads only: every step of the unit, whatever its groups (to hand them out); others' `unit` is refused",
  })
  @IsOptional()
  @IsIn(['unit'])
  scope?: 'unit';

  @ApiPropertyOptional({ enum: ['open', 'completed', 'cancelled', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'completed', 'cancelled', 'all'])
  status?: 'open' | 'completed' | 'cancelled' | 'all';
}
