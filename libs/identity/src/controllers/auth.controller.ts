import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../../common/src';
import { ChangePasswordDto } from '../dtos/change-password.dto';
import { AllowedDuringPasswordChange } from '../guards/password-change.decorator';
import { LoginDto, LoginResponseDto } from '../dtos/login.dto';
import { toUserDto, UserDto } from '../dtos/user.dto';
import type { UserProfile } from '../identity.types';
import { AuthService } from '../services/auth.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** 401 `AUTH_INVALID_CREDENTIALS`; 423 `AUTH_LOCKED` after 5 failures in a row (15 minutes). */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    const { accessToken, user } = await this.auth.login(body.username, body.password, ip);
    return { accessToken, user: toUserDto(user) };
  }

  @Get('me')
  @AllowedDuringPasswordChange()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: UserProfile): UserDto {
    return toUserDto(user);
  }

  /** 400 `CURRENT_PASSWORD_WRONG` (counts toward the lockout), `PASSWORD_WEAK` (details.problems), `PASSWORD_UNCHANGED`. */
  @Post('password')
  @AllowedDuringPasswordChange()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async changePassword(@CurrentUser() user: UserProfile, @Body() body: ChangePasswordDto, @Ip() ip: string): Promise<void> {
    await this.auth.changePassword(user.id, body.currentPassword, body.newPassword, ip);
  }
}
