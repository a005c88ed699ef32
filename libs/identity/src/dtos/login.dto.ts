import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UserDto } from './user.dto';

export class LoginDto {
  @ApiProperty({ example: 'reception' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'motcua-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}
