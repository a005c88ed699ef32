import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src';

export class CancelInstanceDto {
  @ApiPropertyOptional({ example: 'Công dân rút hồ sơ' })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.reason)
  reason?: string;
}
