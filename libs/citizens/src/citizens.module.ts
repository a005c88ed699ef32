import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { CitizenAccountsRepository } from './citizen-accounts.repository';
import { citizenKeys } from './citizen-keys';
import { CitizenSessions } from './citizen-sessions.service';
import { CITIZEN_KEYS, CitizenTokenService } from './citizen-token.service';
import { CitizenGuard } from './citizen.guard';
import { CitizenAuthController } from './controllers/citizen-auth.controller';
import { PhoneOtpProvider } from './phone-otp/phone-otp.provider';
import { SignInThrottle } from './phone-otp/sign-in-throttle.service';
import { SIGN_IN_CODE_OUTBOX, SignInCodeOutbox } from './sign-in-code.outbox';

/**
 * Citizens (issue 18, ADR 0027): accounts by verified phone, the phone one-time-code sign-in,
 * citizen tokens and the CitizenGuard. Global, so any module's `CitizenOnly()` routes find the
 * guard's dependencies, and the SMS outbox's owner (libs/tracking) registers on `SIGN_IN_CODE_OUTBOX`.
 */
@Global()
@Module({
  imports: [JwtModule.register({})],
  controllers: [CitizenAuthController],
  providers: [
    { provide: CITIZEN_KEYS, useFactory: () => citizenKeys() },
    { provide: SIGN_IN_CODE_OUTBOX, useValue: new SignInCodeOutbox() },
    CitizenAccountsRepository,
    CitizenTokenService,
    CitizenGuard,
    CitizenSessions,
    SignInThrottle,
    PhoneOtpProvider,
  ],
  exports: [SIGN_IN_CODE_OUTBOX, CitizenAccountsRepository, CitizenTokenService, CitizenGuard],
})
export class CitizensModule {}
