import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsProcessVariables } from '../http/dtos/process-variables.validator';
import { FIELD_LIMITS } from '../../../common/src';

/** `POST /api/signals`: a signal thrown from outside, to every instance waiting for it. */
export class SignalDto {
  @ApiProperty({ example: 'regulation-changed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.bpmnId)
  signalName!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  @IsProcessVariables()
  variables?: Record<string, unknown>;
}

/** The signal and how many delivery jobs it queued (one per instance waiting for it). */
export class SignalBroadcastDto {
  @ApiProperty() signalName: string;
  @ApiProperty({ type: 'integer' }) deliveries: number;
}
