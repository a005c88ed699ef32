import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lookupUrl, qrPng } from '../../libs/dossiers/src/forms/lookup-qr';
import { vietnamDateTime } from '../../libs/dossiers/src/forms/vietnam-time.format';
import { startTestServer, type TestServer } from '../support/test-app';
import { decodeQr, flatTextOf, getPdf, renderFirstPage, textOf } from './forms.support';
import { signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

const applicant = {
  fullName: 'Nguyễn Thị Hồng Nhung',
  idNumber: '066190004321',
  phone: '0905123456',
  address: 'Phường Tân Lợi, Buôn Ma Thuột',
};
const HOUSEHOLD = {
  procedureCode: '1.001612',
  applicant,
  channel: 'direct',
  documents: ['giay-de-nghi', { code: 'giay-to-phap-ly', copies: 2 }],
};

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
    const res = await getPdf(reception, `/api/dossiers/${received.code}/receipt.pdf?key=${received.lookupKey}`).expect(
      200,
    );
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
    // and the printed page's QR decodes to the lookup URL with the key
    const page = renderFirstPage(pdf);
    expect(decodeQr(page)).toBe(lookupUrl(received.code, received.lookupKey));
  });

  it('encodes the lookup URL with the key in the QR code', async () => {
    // given the URL the receipt prints
    const url = lookupUrl(received.code, received.lookupKey);
    // when
    const decoded = decodeQr(await qrPng(url));
    // then
    expect(decoded).toBe(
      `http://localhost:3000/tra-cuu?code=${encodeURIComponent(received.code)}&key=${received.lookupKey}`,
    );
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
    // a step's name may wrap inside its cell (the slip also has the opinion column, issue 16)
    const flat = await flatTextOf(res.body);
    for (const row of detail.history) expect(flat).toContain(row.step);
  });

  it("answers 404 to another unit's staff", async () => {
    for (const form of ['receipt.pdf', 'control-slip.pdf']) {
      const res = await otherUnit.get(`/api/dossiers/${received.code}/${form}`).expect(404);
      expect(res.body.code).toBe('DOSSIER_NOT_FOUND');
    }
  });
});
