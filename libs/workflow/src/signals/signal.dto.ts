import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** `POST /api/signals`: a signal thrown from outside, to every instance waiting for it. */
export class SignalDto {
  @ApiProperty({ example: 'regulation-changed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  signalName!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}
