import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FIELD_LIMITS } from '../../../common/src';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.password)
  currentPassword: string;

  /** Checked by the password policy (400 `PASSWORD_WEAK`), not here, so the answer says what to fix. */
  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(FIELD_LIMITS.password)
  newPassword: string;
}

/** The caller's new token: the password change ended every older one. */
export class PasswordChangedDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>` from now on' }) accessToken: string;
}
