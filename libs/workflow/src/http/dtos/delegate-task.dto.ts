import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../../common/src';

export class DelegateTaskDto {
  /** The target user's id (a username is accepted too). */
  @ApiProperty({ description: 'Id (or username) of an officer of the same unit whose roles fit the task' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.code)
  userId: string;
}
