import { Body, Controller, Get, HttpCode, Inject, Ip, Post, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  CLOCK,
  Public,
  RetryAfterInterceptor,
  type CitizenPrincipal,
  type Clock,
} from '../../../common/src';
import { CitizenOnly, CurrentCitizen } from '../citizen.decorators';
import { CitizenSessions } from '../citizen-sessions.service';
import {
  CitizenCodeRequestDto,
  CitizenCodeSentDto,
  CitizenMeDto,
  CitizenTokenDto,
  CitizenVerifyDto,
} from '../dtos/citizen-auth.dto';
import { PhoneOtpProvider } from '../phone-otp/phone-otp.provider';

/**
 * Citizens sign in by phone (issue 18 item 2, ADR 0027): a code by SMS, then the code back for a
 * citizen token. 429 `OTP_THROTTLED` carries `Retry-After`.
 */
@ApiTags('citizen')
@Controller('api/citizen')
@UseInterceptors(RetryAfterInterceptor)
export class CitizenAuthController {
  constructor(
    private readonly phoneOtp: PhoneOtpProvider,
    private readonly sessions: CitizenSessions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Post('auth/code')
  @HttpCode(202)
  @ApiOperation({ summary: 'Text a 6-digit sign-in code to a mobile number (the same answer for every number)' })
  @ApiAcceptedResponse({ type: CitizenCodeSentDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'PHONE_INVALID'], 429: ['OTP_THROTTLED'] })
  async code(@Body() body: CitizenCodeRequestDto, @Ip() ip: string): Promise<CitizenCodeSentDto> {
    const { expiresInSeconds } = await this.phoneOtp.challenge(
      { phone: body.phone },
      { address: ip, now: this.clock.now() },
    );
    return { status: 'sent', expiresInSeconds };
  }

  @Public()
  @Post('auth/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with the code: a citizen token (the account is made on the first sign-in)' })
  @ApiOkResponse({ type: CitizenTokenDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'PHONE_INVALID', 'OTP_INVALID'], 429: ['OTP_THROTTLED'] })
  async verify(@Body() body: CitizenVerifyDto, @Ip() ip: string): Promise<CitizenTokenDto> {
    const now = this.clock.now();
    const identity = await this.phoneOtp.verify({ phone: body.phone, code: body.code }, { address: ip, now });
    const { token, expiresAt } = await this.sessions.open(identity, now);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  @CitizenOnly()
  @Post('auth/sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: "Sign out: every token of the citizen's account ends" })
  @ApiNoContentResponse({ description: 'Signed out' })
  async signOut(@CurrentCitizen() citizen: CitizenPrincipal): Promise<void> {
    await this.sessions.close(citizen.citizenId);
  }

  @CitizenOnly()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in citizen: account id and verified phone' })
  @ApiOkResponse({ type: CitizenMeDto })
  me(@CurrentCitizen() citizen: CitizenPrincipal): CitizenMeDto {
    return { citizenId: citizen.citizenId, phone: citizen.phone };
  }
}
