import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CancelInstanceDto {
  @ApiPropertyOptional({ example: 'Công dân rút hồ sơ' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
