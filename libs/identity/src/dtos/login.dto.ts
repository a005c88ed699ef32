import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';
import { UserDto } from './user.dto';

export class LoginDto {
  @ApiProperty({ example: 'reception' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.username)
  username: string;

  @ApiProperty({ example: 'motcua-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.password)
  password: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}
