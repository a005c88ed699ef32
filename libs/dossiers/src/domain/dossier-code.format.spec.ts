import { formatDossierCode, vietnamDay } from './dossier-code.format';

describe('dossier code', () => {
  it('dates the code in Vietnam time, so 23:30 UTC is already the next day', () => {
    expect(vietnamDay(new Date('2025-06-02T16:59:59Z'))).toBe('2025-06-02');
    expect(vietnamDay(new Date('2025-06-02T17:00:00Z'))).toBe('2025-06-03');
  });

  it('pads the counter to four digits', () => {
    expect(formatDossierCode('000.00.20.H15', '2025-06-03', 7)).toBe('000.00.20.H15-250603-0007');
    expect(formatDossierCode('000.00.20.H15', '2025-06-03', 12345)).toBe('000.00.20.H15-250603-12345');
  });
});
