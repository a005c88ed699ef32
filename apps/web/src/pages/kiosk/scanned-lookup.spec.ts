import { describe, expect, it } from '@jest/globals';
import { parseScannedLookup } from './scanned-lookup';

describe('parseScannedLookup', () => {
  const code = '000.00.20.H15-261128-0007';

  it('reads code and key from the receipt lookup URL', () => {
    // given the URL printed as a QR on Form 01
    const text = `https://motcua.daklak.gov.vn/tra-cuu?code=${code}&key=K7M2QX`;
    // when / then
    expect(parseScannedLookup(text)).toEqual({ code, key: 'K7M2QX' });
  });

  it('accepts any host and an encoded, lower-case query', () => {
    expect(
      parseScannedLookup(`http://localhost:3000/tra-cuu?key=k7m2qx&code=${encodeURIComponent(code.toLowerCase())}`),
    ).toEqual({ code, key: 'K7M2QX' });
  });

  it('keeps the code and drops a key that cannot be one', () => {
    expect(parseScannedLookup(`http://x/tra-cuu?code=${code}&key=${'A'.repeat(40)}`)).toEqual({ code });
    expect(parseScannedLookup(`http://x/tra-cuu?code=${code}&key=`)).toEqual({ code });
  });

  it('reads a bare dossier code with spaces around it', () => {
    expect(parseScannedLookup(`  ${code.toLowerCase()}\n`)).toEqual({ code });
  });

  it.each([
    ['a web site', 'https://dichvucong.gov.vn/'],
    ['a URL whose code is not a dossier code', 'https://x/tra-cuu?code=12345'],
    ['a payment QR', '00020101021238570010A000000727'],
    ['plain text', 'xin chào'],
    ['empty', ''],
  ])('refuses %s', (_name, text) => {
    expect(parseScannedLookup(text)).toBeUndefined();
  });
});
