export * from './citizens.module';
export * from './citizen.decorators';
export * from './citizen.guard';
export * from './citizen-token.service';
export * from './identity-provider.port';
export * from './sign-in-code.outbox';
export * from './phone-otp/one-time-code.policy';
