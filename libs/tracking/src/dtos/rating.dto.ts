import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';

/** A criterion as the citizen's form shows it. */
export class RatingCriterionDto {
  @ApiProperty({ example: 'thai-do' }) code: string;
  @ApiProperty({ example: 'Thái độ của cán bộ, công chức, viên chức' }) label: string;
}

export class RatingCriteriaDto {
  @ApiProperty({ type: [RatingCriterionDto] }) items: RatingCriterionDto[];
}

/** `POST /api/public/dossiers/:code/rating`: the key from the receipt and either every criterion's score or one overall score. */
export class RateDossierDto {
  @ApiProperty({ example: 'K7M2QX', description: 'The lookup key printed on the receipt' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.code)
  key: string;
  @ApiPropertyOptional({ enum: ['web', 'kiosk'], default: 'web' })
  @IsOptional()
  @IsIn(['web', 'kiosk'])
  channel?: 'web' | 'kiosk';
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1, maximum: 5 },
    example: { 'tong-the': 5, 'dung-han': 4 },
    description: 'Every active criterion (GET /api/public/rating-criteria) scored 1–5',
  })
  @IsOptional()
  @IsObject()
  scores?: Record<string, unknown>;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Instead of scores: one overall score (the kiosk)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  overall?: number;
  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.reason })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.reason)
  comment?: string;
}

export class RatingReceiptDto {
  @ApiProperty() code: string;
  @ApiProperty({ example: 4.6, description: 'The mean of the scores, two decimals' }) overall: number;
  @ApiProperty({ description: 'Overall 4 or more (Hài lòng, Rất hài lòng)' }) satisfied: boolean;
  @ApiProperty({ format: 'date-time' }) ratedAt: string;
}

/** A criterion as administrators edit it. */
export class AdminRatingCriterionDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty() position: number;
  @ApiProperty({ description: 'Asked on new ratings; a retired criterion stays in past ratings and reports' })
  active: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AdminRatingCriteriaDto {
  @ApiProperty({ type: [AdminRatingCriterionDto] }) items: AdminRatingCriterionDto[];
}

export class CreateRatingCriterionDto {
  @ApiProperty({ example: 'huong-dan', description: 'Lower-case letters, digits and dashes' })
  @IsString()
  @MaxLength(40)
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'code must be lower-case letters, digits and dashes' })
  code: string;
  @ApiProperty({ example: 'Mức độ hướng dẫn, giải đáp của cán bộ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.title)
  label: string;
}

export class UpdateRatingCriterionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(FIELD_LIMITS.title) label?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  position?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
