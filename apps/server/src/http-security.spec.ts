import { corsOrigins } from './http-security';

describe('corsOrigins', () => {
  it('is empty (same origin only) when unset or blank', () => {
    expect(corsOrigins(undefined)).toEqual([]);
    expect(corsOrigins(' , ')).toEqual([]);
  });

  it('reads a comma-separated list of exact origins', () => {
    expect(corsOrigins('https://a.gov.vn, http://localhost:5173/')).toEqual([
      'https://a.gov.vn',
      'http://localhost:5173',
    ]);
  });

  it.each(['*', 'a.gov.vn', 'https://a.gov.vn/path', 'ftp://a.gov.vn', 'https://*.gov.vn'])(
    'refuses %s at start',
    (value) => {
      expect(() => corsOrigins(value)).toThrow(/CORS_ORIGINS/);
    },
  );
});
