import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `POST /api/definitions?owner=`: the owning unit of keys deployed for the first time (in the deployer's subtree). */
export class OwnerQueryDto {
  @ApiPropertyOptional({ example: '000.20.20.H15', description: "Default: the deployer's unit" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  owner?: string;
}
