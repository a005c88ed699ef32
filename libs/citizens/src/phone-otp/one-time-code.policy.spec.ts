import { codeHash, newCode, ONE_TIME_CODE, typedCode } from './one-time-code.policy';
import { ttlSeconds } from '../citizen-token.service';

describe('one-time sign-in codes (ADR 0027)', () => {
  it('are 6 decimal digits, leading zeros kept, and not all alike', () => {
    const codes = Array.from({ length: 2000 }, newCode);
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1900);
    expect(codes.some((code) => code.startsWith('0'))).toBe(true);
  });

  it('are kept as an HMAC of the number and the code, never the code', () => {
    const key = Buffer.alloc(32, 7);
    const hash = codeHash(key, '0912345678', '047291');
    expect(hash).toHaveLength(32);
    expect(hash.toString('latin1')).not.toContain('047291');
    expect(codeHash(key, '0912345678', '047291').equals(hash)).toBe(true);
    // another number, another key or another code: another hash
    expect(codeHash(key, '0912345679', '047291').equals(hash)).toBe(false);
    expect(codeHash(Buffer.alloc(32, 8), '0912345678', '047291').equals(hash)).toBe(false);
    expect(codeHash(key, '0912345678', '047292').equals(hash)).toBe(false);
  });

  it('read a typed code with spaces or a dash, and nothing else', () => {
    expect(typedCode(' 047 291 ')).toBe('047291');
    expect(typedCode('047-291')).toBe('047291');
    for (const wrong of ['04729', '0472911', 'abcdef', '', 47291, undefined]) expect(typedCode(wrong)).toBeUndefined();
  });

  it('live 5 minutes and take 5 wrong tries; citizen tokens live CITIZEN_TOKEN_TTL', () => {
    expect(ONE_TIME_CODE).toEqual({ digits: 6, ttlMs: 300_000, maxAttempts: 5 });
    expect(ttlSeconds('2h')).toBe(7200);
    expect(ttlSeconds('30m')).toBe(1800);
    expect(ttlSeconds('900')).toBe(900);
  });
});
