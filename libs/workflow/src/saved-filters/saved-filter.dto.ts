import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';

/** At most this many saved filters per account; a longest name. */
export const MAX_SAVED_FILTERS = 20;
export const SAVED_FILTER_NAME_MAX = 60;

/** What a saved filter applies to the inbox: the same filters `GET /api/tasks` takes. */
export class InboxFilterDto {
  @ApiPropertyOptional({ description: 'Procedure code or process key', maxLength: FIELD_LIMITS.bpmnId })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.bpmnId)
  procedure?: string;

  @ApiPropertyOptional({ enum: ['overdue'], description: 'Only steps past their due time' })
  @IsOptional()
  @IsIn(['overdue'])
  due?: 'overdue';

  @ApiPropertyOptional({ enum: ['me', 'unassigned'], description: 'Mine, or nobody’s; absent: everyone’s' })
  @IsOptional()
  @IsIn(['me', 'unassigned'])
  assignee?: 'me' | 'unassigned';

  @ApiPropertyOptional({
    description: 'Search text (dossier code, applicant name, ID number)',
    maxLength: FIELD_LIMITS.search,
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
}

/** `POST /api/inbox/filters`: a name and the filters it stands for. */
export class CreateSavedFilterDto {
  @ApiProperty({ minLength: 1, maxLength: SAVED_FILTER_NAME_MAX, example: 'Hộ kinh doanh quá hạn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SAVED_FILTER_NAME_MAX)
  name: string;

  @ApiProperty({ type: InboxFilterDto })
  @IsObject()
  @ValidateNested()
  @Type(() => InboxFilterDto)
  filter: InboxFilterDto;
}

export class SavedFilterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: InboxFilterDto }) filter: InboxFilterDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SavedFilterListDto {
  @ApiProperty({ type: [SavedFilterDto] }) items: SavedFilterDto[];
  @ApiProperty({ description: 'How many filters one account may keep' }) limit: number;
}
