import { PRE_REGISTRATION_ALPHABET, PRE_REGISTRATION_CODE, preRegistrationCode } from './pre-registration-code';

describe('preRegistrationCode', () => {
  it('is TT, the Vietnam day as yyMMdd, and six characters of the alphabet', () => {
    // given a fixed random source
    let i = 0;
    const code = preRegistrationCode('2026-12-07', () => i++);
    // then
    expect(code).toBe('TT-261207-234567');
    expect(code).toMatch(PRE_REGISTRATION_CODE);
  });

  it('never uses characters read wrongly over the phone', () => {
    expect(PRE_REGISTRATION_ALPHABET).not.toMatch(/[01OILU]/);
    for (let n = 0; n < 200; n++) expect(preRegistrationCode('2027-01-05')).toMatch(PRE_REGISTRATION_CODE);
  });

  it('cannot be taken for a dossier code', () => {
    expect('000.00.20.H15-261207-0001').not.toMatch(PRE_REGISTRATION_CODE);
  });
});
