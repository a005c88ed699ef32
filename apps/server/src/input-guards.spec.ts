import { containsNul } from './input-guards';

describe('containsNul', () => {
  it('finds a NUL in strings, nested values and keys', () => {
    expect(containsNul('a\u0000b')).toBe(true);
    expect(containsNul({ applicant: { fullName: ['x', 'y\u0000'] } })).toBe(true);
    expect(containsNul({ ['k\u0000']: 1 })).toBe(true);
  });

  it('passes everything else, including other control and non-Latin characters', () => {
    expect(containsNul({ a: 'Nguyễn Văn Ả \u0001 \uFEFF', b: [1, null, true, { c: '𝔘' }] })).toBe(false);
    expect(containsNul(undefined)).toBe(false);
    expect(containsNul('')).toBe(false);
  });
});
