import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DelegateTaskDto {
  /** The target user's id (a username is accepted too). */
  @ApiProperty({ description: 'Id (or username) of an officer of the same unit whose roles fit the task' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  userId: string;
}
