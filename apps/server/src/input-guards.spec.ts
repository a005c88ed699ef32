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

describe('containsNul at depth', () => {
  it('finds a NUL 10,000 levels down without overflowing the stack', () => {
    // given a value nested far deeper than any body the parser lets through
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 10_000; i++) deep = i % 2 ? [deep] : { a: deep };
    // then the NUL is found
    expect(containsNul(deep)).toBe(true);
  });
});
