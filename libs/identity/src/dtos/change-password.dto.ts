import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  currentPassword: string;

  /** Checked by the password policy (400 `PASSWORD_WEAK`), not here, so the answer says what to fix. */
  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(256)
  newPassword: string;
}

/** The caller's new token: the password change ended every older one. */
export class PasswordChangedDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>` from now on' }) accessToken: string;
}
