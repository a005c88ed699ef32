import jsQR from 'jsqr';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { lookupUrl, qrPng } from '../../libs/dossiers/src/forms/lookup-qr';
import { vietnamDateTime } from '../../libs/dossiers/src/forms/vietnam-time.format';
import { startTestServer, type TestServer } from '../support/test-app';
import { signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

const applicant = { fullName: 'Nguyễn Thị Hồng Nhung', idNumber: '066190004321', phone: '0905123456', address: 'Phường Tân Lợi, Buôn Ma Thuột' };
const HOUSEHOLD = { procedureCode: '1.001612', applicant, channel: 'direct', documents: ['giay-de-nghi', { code: 'giay-to-phap-ly', copies: 2 }] };

/** GET a PDF as a Buffer (superagent does not buffer application/pdf by itself). */
const getPdf = (api: Api, path: string) =>
  api.get(path).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

// The library file, not the package index: the index runs a self-test when it has no parent module (as under jest).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

/** The PDF's text, as a reader's copy-paste would give it. */
async function textOf(pdf: Buffer): Promise<string> {
  return (await pdfParse(pdf)).text;
}

/** Page 1 rendered to PNG by poppler's `pdftoppm`, or undefined where poppler-utils is not installed. */
function renderFirstPage(pdf: Buffer): Buffer | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-forms-'));
  writeFileSync(join(dir, 'form.pdf'), pdf);
  try {
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', join(dir, 'form.pdf'), join(dir, 'page')], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return readFileSync(join(dir, 'page.png'));
}

/** Decodes the QR code in a PNG. */
function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('printed forms (Form 01 receipt, Form 05 control slip)', () => {
  let server: TestServer;
  let reception: Api;
  let otherUnit: Api;
  let received: { code: string; lookupKey: string; appointmentAt: string };

  beforeAll(async () => {
    server = await startTestServer();
    [reception, otherUnit] = await Promise.all([signIn(server, 'reception'), signIn(server, 'reception.tanloi')]);
    received = (await reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body;
  });
  afterAll(() => server?.close());

  it('prints the receipt with the code, the appointment to the minute, the key and the names with their diacritics', async () => {
    // when
    const res = await getPdf(reception, `/api/dossiers/${received.code}/receipt.pdf?key=${received.lookupKey}`).expect(200);
    // then
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    const pdf = res.body as Buffer;
    if (process.env.FORMS_PDF_DIR) writeFileSync(join(process.env.FORMS_PDF_DIR, 'receipt.pdf'), pdf);
    const text = await textOf(pdf);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(received.code);
    expect(text).toContain('Nguyễn Thị Hồng Nhung');
    expect(text).toContain(vietnamDateTime(received.appointmentAt));
    expect(text).toContain(received.lookupKey);
    expect(text).toContain('Bản chính');
    // the QR is embedded as an image
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    // and, where poppler is installed, the printed page's QR decodes to the lookup URL with the key
    const page = renderFirstPage(pdf);
    if (page) expect(decodeQr(page)).toBe(lookupUrl(received.code, received.lookupKey));
  });

  it('encodes the lookup URL with the key in the QR code', async () => {
    // given the URL the receipt prints
    const url = lookupUrl(received.code, received.lookupKey);
    // when
    const decoded = decodeQr(await qrPng(url));
    // then
    expect(decoded).toBe(`http://localhost:3000/tra-cuu?code=${encodeURIComponent(received.code)}&key=${received.lookupKey}`);
  });

  it('reprints without the key, saying so, and refuses a wrong key', async () => {
    const reprint = await getPdf(reception, `/api/dossiers/${received.code}/receipt.pdf`).expect(200);
    expect(await textOf(reprint.body)).toContain('Bản in lại');
    const wrongKey = received.lookupKey === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    const refused = await reception.get(`/api/dossiers/${received.code}/receipt.pdf?key=${wrongKey}`).expect(400);
    expect(refused.body.code).toBe('LOOKUP_KEY_INVALID');
  });

  it('prints the control slip with one row per handover', async () => {
    // given
    const detail = (await reception.get(`/api/dossiers/${received.code}`).expect(200)).body;
    // when
    const res = await getPdf(reception, `/api/dossiers/${received.code}/control-slip.pdf`).expect(200);
    // then
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    if (process.env.FORMS_PDF_DIR) writeFileSync(join(process.env.FORMS_PDF_DIR, 'control-slip.pdf'), res.body);
    const text = await textOf(res.body);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(detail.history.length).toBeGreaterThan(0);
    for (const row of detail.history) expect(text).toContain(row.step);
  });

  it("answers 404 to another unit's staff", async () => {
    for (const form of ['receipt.pdf', 'control-slip.pdf']) {
      const res = await otherUnit.get(`/api/dossiers/${received.code}/${form}`).expect(404);
      expect(res.body.code).toBe('DOSSIER_NOT_FOUND');
    }
  });
});
