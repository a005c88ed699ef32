import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class CorrelateMessageDto {
  @ApiProperty({ example: 'supplementReceived' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  messageName: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}
