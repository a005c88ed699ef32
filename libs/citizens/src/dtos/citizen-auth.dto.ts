import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class CitizenCodeRequestDto {
  @ApiProperty({ example: '0912345678', description: 'A Vietnamese mobile number (0… or +84…)', maxLength: 32 })
  @IsString()
  @MaxLength(32)
  phone: string;
}

export class CitizenVerifyDto extends CitizenCodeRequestDto {
  @ApiProperty({ example: '123456', description: 'The 6-digit code from the SMS', maxLength: 32 })
  @IsString()
  @MaxLength(32)
  code: string;
}

/** The one answer to every well-formed number, account or not. */
export class CitizenCodeSentDto {
  @ApiProperty({
    enum: ['sent'],
    description: 'Always `sent`: the answer never tells whether the number has an account',
  })
  status: 'sent';
  @ApiProperty({ example: 300, description: 'How long the code lives' })
  expiresInSeconds: number;
}

export class CitizenTokenDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>` to /api/citizen/… routes only' })
  token: string;
  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: string;
}

export class CitizenMeDto {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ example: '0912345678' }) phone: string;
}
