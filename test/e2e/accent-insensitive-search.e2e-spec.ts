import { DataSource } from 'typeorm';
import { foldVietnamese } from '../../libs/common/src';
import { startTestServer, type TestServer } from '../support/test-app';
import { signIn, type Api } from './workflow.helpers';

jest.setTimeout(120_000);

// Issue 19 item 2: every search box finds "Nguyễn" by "Nguyen", "hộ kinh doanh" by "ho kinh doanh" and
// "Đăng ký" by "dang ky" (đ/Đ → d), on the server's folded indexes (migration 1764600500000).
const ID_NUMBER = '066190777123';
const applicant = {
  fullName: 'Nguyễn Đức Ánh Tuyết',
  idNumber: ID_NUMBER,
  phone: '0905123456',
  address: 'Phường Tân Lợi, Buôn Ma Thuột',
};
const HOUSEHOLD = {
  procedureCode: '1.001612',
  applicant,
  channel: 'direct',
  documents: ['giay-de-nghi', 'giay-to-phap-ly'],
};

describe('accent-insensitive search', () => {
  let server: TestServer;
  let admin: Api;
  let reception: Api;
  let code: string;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    [admin, reception] = await Promise.all([signIn(server, 'admin'), signIn(server, 'reception')]);
    code = (await reception.post('/api/dossiers', HOUSEHOLD).expect(201)).body.code;
  });
  afterAll(() => server?.close());

  const q = (text: string) => encodeURIComponent(text);

  it('vn_fold (SQL) and foldVietnamese (TypeScript) agree on every Vietnamese letter, both cases, precomposed or not', async () => {
    // given every letter of the Vietnamese alphabet with each tone, in both cases
    const vowels = 'aăâeêioôơuưy';
    const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    const letters =
      [...vowels].flatMap((v) => tones.map((t) => `${v}${t}`.normalize('NFC'))).join('') + 'bcdđghklmnpqrstvx';
    const text = `${letters} ${letters.toUpperCase()} ${letters.normalize('NFD')}`;
    // when both fold it
    const [{ folded }] = await server.app.get(DataSource).query(`SELECT vn_fold($1) AS folded`, [text]);
    // then they give the same plain lower-case ASCII
    expect(folded).toBe(foldVietnamese(text));
    expect(folded).toMatch(/^[a-z ]+$/);
  });

  it('dossiers: "nguyen duc" and "Đức ánh" find "Nguyễn Đức Ánh Tuyết"; so does part of the ID number; "nguyen dux" does not', async () => {
    for (const text of [
      'nguyen duc',
      'NGUYEN DUC ANH',
      'Đức ánh',
      'duc anh tuyet',
      ID_NUMBER.slice(3, 10),
      code.toLowerCase(),
    ]) {
      const found = await reception.get(`/api/dossiers?q=${q(text)}`).expect(200);
      expect({ text, codes: found.body.items.map((d: { code: string }) => d.code) }).toEqual({
        text,
        codes: expect.arrayContaining([code]),
      });
    }
    expect((await reception.get(`/api/dossiers?q=${q('nguyen dux')}`).expect(200)).body.total).toBe(0);
  });

  it("inbox: the dossier's step is found by applicant name without accents and by ID number, with procedure, applicant and appointment", async () => {
    for (const text of ['Nguyen Duc Anh', ID_NUMBER, code]) {
      const found = await reception.get(`/api/tasks?q=${q(text)}`).expect(200);
      expect({ text, keys: found.body.items.map((t: { businessKey: string }) => t.businessKey) }).toEqual({
        text,
        keys: [code],
      });
      expect(found.body.total).toBe(1);
    }
    const [task] = (await reception.get(`/api/tasks?q=${q('nguyen duc anh')}`).expect(200)).body.items;
    expect(task).toMatchObject({
      applicantName: 'Nguyễn Đức Ánh Tuyết',
      procedureName: 'Đăng ký thành lập hộ kinh doanh',
      appointmentAt: expect.any(String),
    });
    expect((await reception.get(`/api/tasks?q=${q('nguyen dux')}`).expect(200)).body.total).toBe(0);
  });

  it('accounts: "nguyen van an" finds Nguyễn Văn An, "tran thi thu ha" finds Trần Thị Thu Hà', async () => {
    const an = await admin.get(`/api/admin/users?q=${q('nguyen van an')}`).expect(200);
    expect(an.body.items.map((u: { username: string }) => u.username)).toContain('admin');
    const ha = await admin.get(`/api/admin/users?q=${q('TRAN THI THU HA')}`).expect(200);
    expect(ha.body.items.map((u: { username: string }) => u.username)).toEqual(['reception']);
  });

  it('catalog (admin and public): "ho kinh doanh" and "dang ky thanh lap" (Đ) find 1.001612; "dang ky khai sinh" finds 1.001193', async () => {
    // Only the five demo procedures are compared: other suites sharing the database add their own.
    const DEMO = ['1.001193', '2.000815', '1.001612', '1.009974', '1.004227'];
    const codes = async (path: string) =>
      ((await admin.get(`${path}&limit=100`).expect(200)).body.items as { code: string }[])
        .map((p) => p.code)
        .filter((code) => DEMO.includes(code));
    for (const base of ['/api/admin/procedures', '/api/procedures']) {
      expect(await codes(`${base}?q=${q('ho kinh doanh')}`)).toEqual(['1.001612']);
      expect(await codes(`${base}?q=${q('dang ky thanh lap')}`)).toEqual(['1.001612']);
      expect(await codes(`${base}?q=${q('Dang ky khai sinh')}`)).toEqual(['1.001193']);
      expect(await codes(`${base}?q=${q('ho kinh doanx')}`)).toEqual([]);
    }
  });
});
