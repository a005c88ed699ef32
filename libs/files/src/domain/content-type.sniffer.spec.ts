import { sniffContentType } from './content-type.sniffer';

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

describe('sniffContentType', () => {
  it.each([
    ['%PDF-1.7\n', 'application/pdf'],
    [bytes(0xff, 0xd8, 0xff, 0xe1, 'Exif'), 'image/jpeg'],
    [bytes(0x89, 'PNG\r\n', 0x1a, '\n', 0, 0), 'image/png'],
  ])('reads %j as %s', (head, type) => {
    expect(sniffContentType(Buffer.from(head))).toBe(type);
  });

  it.each([
    ['a Windows executable', 'MZ\x90\x00'],
    ['an ELF binary', '\x7fELF'],
    ['HTML', '<!doctype html>'],
    ['a ZIP (docx)', 'PK\x03\x04'],
    ['a GIF', 'GIF89a'],
    ['a PDF header not at the start', ' %PDF-1.7'],
    ['a PNG signature cut short', '\x89PNG'],
    ['nothing', ''],
  ])('refuses %s', (_name, head) => {
    expect(sniffContentType(Buffer.from(head, 'latin1'))).toBeUndefined();
  });
});
