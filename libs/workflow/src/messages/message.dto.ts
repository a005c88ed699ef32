import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import { CorrelateMessageDto } from '../http/dtos/correlate-message.dto';

/** `POST /api/messages`: a message from outside, to the instance of a business key or to a message start. */
export class MessageDto extends CorrelateMessageDto {
  @ApiPropertyOptional({
    example: 'HS-000.00.20.H15-251128-0001',
    description: 'The dossier code: correlates with the instance of that key waiting for the message',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.bpmnId)
  businessKey?: string;
}

/** What a message did (MessageOutcome): woke a waiting instance, or started a new one. */
export class MessageOutcomeDto {
  @ApiProperty({ enum: ['correlated', 'started'] }) outcome: 'correlated' | 'started';
  @ApiProperty({ format: 'uuid' }) instanceId: string;
}
