import { assertSecrets, secretProblems, secretWarnings } from './required-secrets';

const strong = {
  JWT_SECRET: 'q8Vv0cX2-jR4nT6wZ9yB1mK3',
  SMS_INBOUND_SECRET: 'Hs7Dk2Lp9Qw4Er6Ty1Ui',
  LOOKUP_KEY_PEPPER: 'Pp3Zx8Cv5Bn1Mq7Wl2Ek',
  CITIZEN_AUTH_SECRET: 'Ct5Rf8Gh2Jk4Lm7Np9Qs',
  PUBLIC_URL: 'https://motcua.daklak.gov.vn',
};

describe('secrets from the environment', () => {
  it('lets development and tests start without secrets (the libs warn and use development values)', () => {
    expect(secretProblems({})).toEqual([]);
    expect(secretProblems({ NODE_ENV: 'test' })).toEqual([]);
  });

  it('refuses to start in production without each secret', () => {
    expect(secretProblems({ NODE_ENV: 'production', PUBLIC_URL: strong.PUBLIC_URL })).toEqual([
      'JWT_SECRET must be set in production',
      'SMS_INBOUND_SECRET must be set in production',
      'LOOKUP_KEY_PEPPER must be set in production',
      'CITIZEN_AUTH_SECRET must be set in production',
    ]);
    expect(() => assertSecrets({ NODE_ENV: 'production', ...strong, JWT_SECRET: ' ' })).toThrow(
      'Refusing to start: JWT_SECRET must be set in production',
    );
  });

  it('refuses a citizen secret equal to the staff one (ADR 0027: citizen tokens never pass staff routes)', () => {
    expect(secretProblems({ NODE_ENV: 'production', ...strong, CITIZEN_AUTH_SECRET: strong.JWT_SECRET })).toEqual([
      'CITIZEN_AUTH_SECRET must differ from JWT_SECRET (citizen and staff tokens are kept apart, ADR 0027)',
    ]);
  });

  it('refuses short secrets and a gateway without its token', () => {
    expect(secretProblems({ NODE_ENV: 'production', ...strong, SMS_INBOUND_SECRET: 'short' })).toEqual([
      'SMS_INBOUND_SECRET must be at least 16 characters',
    ]);
    expect(secretProblems({ NODE_ENV: 'production', ...strong, SMS_GATEWAY_URL: 'https://sms.example/send' })).toEqual([
      'SMS_GATEWAY_TOKEN must be set when SMS_GATEWAY_URL is',
    ]);
  });

  it('refuses the placeholders of examples and compose files, and one repeated character (issue 20)', () => {
    for (const placeholder of [
      'change-me-in-production',
      'change-me-sms-secret',
      'CHANGEME-0123456789',
      'replace-me-with-a-secret',
      'x'.repeat(32),
    ]) {
      expect(secretProblems({ NODE_ENV: 'production', ...strong, JWT_SECRET: placeholder })).toEqual([
        'JWT_SECRET is a known placeholder (such as change-me-…): generate one, e.g. openssl rand -base64 32',
      ]);
    }
  });

  it('refuses a production start without PUBLIC_URL (issue 20)', () => {
    expect(secretProblems({ NODE_ENV: 'production', ...strong, PUBLIC_URL: '' })).toEqual([
      'PUBLIC_URL must be set in production: the address citizens reach the web app at, e.g. https://motcua.daklak.gov.vn (every QR code and SMS link points there)',
    ]);
  });

  it('starts in production with all of them', () => {
    expect(() => assertSecrets({ NODE_ENV: 'production', ...strong })).not.toThrow();
  });

  it('warns, without refusing, when production seeds demo accounts', () => {
    expect(secretWarnings({ NODE_ENV: 'production', ...strong })).toEqual([
      'demo accounts are seeded in production with the published password motcua-demo: set SEED_DEMO=false for a real province',
    ]);
    expect(secretWarnings({ NODE_ENV: 'production', ...strong, SEED_DEMO: 'false' })).toEqual([]);
    const warnings: string[] = [];
    assertSecrets({ NODE_ENV: 'production', ...strong, DEMO_PASSWORD: 'Mat-Khau-Rieng-2027' }, (message) =>
      warnings.push(message),
    );
    expect(warnings).toEqual(['demo accounts are seeded in production: set SEED_DEMO=false for a real province']);
  });
});
