import pino from 'pino';
import { loggedUrl, REDACT_PATHS, scrubText } from './redaction';
import { requestIdFrom } from './request-id';

describe('log redaction', () => {
  it('masks phones, ID numbers and bearer tokens in free text, not codes or ids', () => {
    expect(scrubText('to 0905123456 (+84905123456) id 066190001234 cmnd 241234567')).toBe(
      'to [phone] ([phone]) id [id] cmnd [id]',
    );
    expect(scrubText('Authorization: Bearer eyJhbGciOi.x-y_z')).toBe('Authorization: Bearer [Redacted]');
    expect(scrubText('dossier 000.01.20.H15-261128-0001 task 3f2b6c1e-0000-4000-8000-000000000001')).toBe(
      'dossier 000.01.20.H15-261128-0001 task 3f2b6c1e-0000-4000-8000-000000000001',
    );
  });

  it('drops the query string from logged URLs', () => {
    expect(loggedUrl('/api/dossiers?q=0905123456')).toBe('/api/dossiers');
    expect(loggedUrl('/api/public/dossiers/X?key=ABC')).toBe('/api/public/dossiers/X');
  });

  it('masks personal data in path segments after decoding, and keeps codes readable', () => {
    expect(loggedUrl('/api/public/dossiers/079912345678')).toBe('/api/public/dossiers/[id]');
    expect(loggedUrl('/api/public/dossiers/%2B84912345678')).toBe('/api/public/dossiers/[phone]');
    expect(loggedUrl('/api/public/dossiers/linh%40gmail.com/x')).toBe('/api/public/dossiers/[email]/x');
    expect(loggedUrl(`/api/public/dossiers/${encodeURIComponent('Phùng Thị Diệu Linh')}`)).toBe(
      '/api/public/dossiers/[text]',
    );
    expect(loggedUrl('/api/dossiers/000.01.20.H15-261128-0001/receipt.pdf')).toBe(
      '/api/dossiers/000.01.20.H15-261128-0001/receipt.pdf',
    );
    expect(loggedUrl('/api/tasks/3f2b6c1e-0000-4000-8000-000000000001/claim')).toBe(
      '/api/tasks/3f2b6c1e-0000-4000-8000-000000000001/claim',
    );
  });

  it('masks percent-encoded phones and e-mails in free text', () => {
    expect(scrubText('lookup %2B84912345678 by dieu.linh%40gmail.com')).toBe('lookup [phone] by [email]');
  });

  it('removes personal and secret fields from logged objects, nested too', () => {
    const lines: string[] = [];
    const logger = pino(
      { redact: { paths: REDACT_PATHS, censor: '[Redacted]' } },
      { write: (line: string) => void lines.push(line) },
    );
    logger.info({
      password: 'p',
      data: { applicant: { idNumber: '1' }, phone: '0905', fullName: 'A' },
      req: { headers: { authorization: 'Bearer t', 'x-sms-secret': 's' } },
    });
    const entry = JSON.parse(lines[0]);
    expect(entry.password).toBe('[Redacted]');
    expect(entry.data).toEqual({ applicant: '[Redacted]', phone: '[Redacted]', fullName: '[Redacted]' });
    expect(entry.req.headers).toEqual({ authorization: '[Redacted]', 'x-sms-secret': '[Redacted]' });
  });
});

describe('request ids', () => {
  it('keeps a plain caller id and replaces anything else', () => {
    expect(requestIdFrom('gw-42.a:b_c')).toBe('gw-42.a:b_c');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'has space', 'x'.repeat(129), 'new\nline', '"quoted"'])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
