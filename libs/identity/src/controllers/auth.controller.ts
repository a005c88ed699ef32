import { Body, Controller, Get, HttpCode, Ip, Post, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentUser, Public, RetryAfterInterceptor } from '../../../common/src';
import { ChangePasswordDto, PasswordChangedDto } from '../dtos/change-password.dto';
import { AllowedDuringPasswordChange } from '../guards/password-change.decorator';
import { LoginDto, LoginResponseDto } from '../dtos/login.dto';
import { toUserDto, UserDto } from '../dtos/user.dto';
import type { UserProfile } from '../identity.types';
import { AuthService } from '../services/auth.service';

@ApiTags('auth')
@Controller('api/auth')
@UseInterceptors(RetryAfterInterceptor)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** 401 `AUTH_INVALID_CREDENTIALS`; 429 `LOGIN_THROTTLED` with `Retry-After` (docs/security.md, issue 15). */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiOperation({ summary: 'Sign in: an access token and my profile' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 401: ['AUTH_INVALID_CREDENTIALS'], 429: ['LOGIN_THROTTLED'] })
  async login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    const { accessToken, user } = await this.auth.login(body.username, body.password, ip);
    return { accessToken, user: toUserDto(user) };
  }

  @Get('me')
  @AllowedDuringPasswordChange()
  @ApiOkResponse({ type: UserDto })
  @ApiOperation({ summary: 'My profile' })
  me(@CurrentUser() user: UserProfile): UserDto {
    return toUserDto(user);
  }

  /**
   * Ends every token of the account and answers a new one for the caller. 400
   * `CURRENT_PASSWORD_WRONG` (counts like a failed login; 429 `LOGIN_THROTTLED`), `PASSWORD_WEAK`
   * (details.problems), `PASSWORD_UNCHANGED`.
   */
  @Post('password')
  @AllowedDuringPasswordChange()
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordChangedDto })
  @ApiOperation({ summary: 'Change my password: every older token ends, a new one is answered' })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'CURRENT_PASSWORD_WRONG', 'PASSWORD_WEAK', 'PASSWORD_UNCHANGED'],
    429: ['LOGIN_THROTTLED'],
  })
  changePassword(
    @CurrentUser() user: UserProfile,
    @Body() body: ChangePasswordDto,
    @Ip() ip: string,
  ): Promise<PasswordChangedDto> {
    return this.auth.changePassword(user.id, body.currentPassword, body.newPassword, ip);
  }
}
