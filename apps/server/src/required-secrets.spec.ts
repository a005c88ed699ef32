import { assertSecrets, secretProblems, secretWarnings } from './required-secrets';

const strong = { JWT_SECRET: 'j'.repeat(32), SMS_INBOUND_SECRET: 's'.repeat(24), LOOKUP_KEY_PEPPER: 'p'.repeat(24) };

describe('secrets from the environment', () => {
  it('lets development and tests start without secrets (the libs warn and use development values)', () => {
    expect(secretProblems({})).toEqual([]);
    expect(secretProblems({ NODE_ENV: 'test' })).toEqual([]);
  });

  it('refuses to start in production without each secret', () => {
    expect(secretProblems({ NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET must be set in production',
      'SMS_INBOUND_SECRET must be set in production',
      'LOOKUP_KEY_PEPPER must be set in production',
    ]);
    expect(() => assertSecrets({ NODE_ENV: 'production', ...strong, JWT_SECRET: ' ' })).toThrow('Refusing to start: JWT_SECRET must be set in production');
  });

  it('refuses short secrets and a gateway without its token', () => {
    expect(secretProblems({ NODE_ENV: 'production', ...strong, SMS_INBOUND_SECRET: 'short' })).toEqual(['SMS_INBOUND_SECRET must be at least 16 characters']);
    expect(secretProblems({ NODE_ENV: 'production', ...strong, SMS_GATEWAY_URL: 'https://sms.example/send' })).toEqual(['SMS_GATEWAY_TOKEN must be set when SMS_GATEWAY_URL is']);
  });

  it('starts in production with all of them', () => {
    expect(() => assertSecrets({ NODE_ENV: 'production', ...strong })).not.toThrow();
  });

  it('warns, without refusing, when production seeds demo accounts', () => {
    expect(secretWarnings({ NODE_ENV: 'production', ...strong })).toEqual(['demo accounts are seeded in production with the published password motcua-demo: set SEED_DEMO=false for a real province']);
    expect(secretWarnings({ NODE_ENV: 'production', ...strong, SEED_DEMO: 'false' })).toEqual([]);
    const warnings: string[] = [];
    assertSecrets({ NODE_ENV: 'production', ...strong, DEMO_PASSWORD: 'Mat-Khau-Rieng-2027' }, (message) => warnings.push(message));
    expect(warnings).toEqual(['demo accounts are seeded in production: set SEED_DEMO=false for a real province']);
  });
});
