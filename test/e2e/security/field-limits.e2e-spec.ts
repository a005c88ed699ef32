import { DataSource } from 'typeorm';
import { FIELD_LIMITS } from '../../../libs/common/src/field-limits';
import { startTestServer, type TestServer } from '../../support/test-app';
import { signIn, type Api } from '../workflow.helpers';

jest.setTimeout(120_000);

// Issue 15, item 8: free text is bounded at the edge, before any validator that is not linear
// (a 30 KB e-mail took 1.7 s in a quadratic regex; a 176 KB address made receipt.pdf take 9.2 s).
const applicant = {
  fullName: 'Trần Văn Bình',
  idNumber: '066090004321',
  phone: '0905123499',
  address: 'Phường Tân Lợi, Buôn Ma Thuột',
};
const HOUSEHOLD = { procedureCode: '1.001612', channel: 'direct', documents: ['giay-de-nghi', 'giay-to-phap-ly'] };
/** The e-mail of the finding: 30 KB that the old regex scanned quadratically before failing. */
const HOSTILE_EMAIL = `a@${'.'.repeat(30 * 1024)}@`;

describe('field length limits (issue 15, item 8)', () => {
  let server: TestServer;
  let reception: Api;
  let db: DataSource;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    reception = await signIn(server, 'reception');
    db = server.app.get(DataSource);
  });
  afterAll(() => server?.close());

  const dossierCount = async () => Number((await db.query(`SELECT count(*)::int AS n FROM dossiers`))[0].n);

  it.each([
    ['a 30 KB e-mail', { ...applicant, email: HOSTILE_EMAIL }, 'applicant.email', FIELD_LIMITS.email],
    [
      'a 176 KB address',
      { ...applicant, address: 'Số 1 đường Lê Duẩn '.repeat(9_300) },
      'applicant.address',
      FIELD_LIMITS.address,
    ],
    [
      'a 201-character name',
      { ...applicant, fullName: 'A'.repeat(FIELD_LIMITS.personName + 1) },
      'applicant.fullName',
      FIELD_LIMITS.personName,
    ],
    ['a 100 KB ID number', { ...applicant, idNumber: '1'.repeat(100_000) }, 'applicant.idNumber', FIELD_LIMITS.code],
  ])(
    'refuses %s at reception with 400 VALIDATION_FAILED naming the field and its maximum; no dossier is made',
    async (_label, person, field, max) => {
      // given the number of dossiers before
      const before = await dossierCount();
      // when the desk sends the oversized field
      const res = await reception.post('/api/dossiers', { ...HOUSEHOLD, applicant: person });
      // then it is refused with the validation shape, naming the field and the maximum
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain(`${field} must be shorter than or equal to ${max} characters`);
      expect(res.body.details).toContain(`${field} must be shorter than or equal to ${max} characters`);
      // and nothing was created
      expect(await dossierCount()).toBe(before);
    },
  );

  it('refuses more documents than a dossier can list, an oversized document code, and more than 99 copies', async () => {
    // given a document list longer than the bound, one document with a 50 KB code, one with 100 copies
    const many = Array.from({ length: FIELD_LIMITS.documents + 1 }, (_, i) => `doc-${i}`);
    const longCode = [{ code: 'x'.repeat(50_000), copies: 1 }];
    const tooManyCopies = [{ code: 'giay-de-nghi', copies: FIELD_LIMITS.copies + 1 }, 'giay-to-phap-ly'];
    // when each is sent to reception
    const tooMany = await reception.post('/api/dossiers', { ...HOUSEHOLD, applicant, documents: many });
    const tooLong = await reception.post('/api/dossiers', { ...HOUSEHOLD, applicant, documents: longCode });
    const copies = await reception.post('/api/dossiers', { ...HOUSEHOLD, applicant, documents: tooManyCopies });
    // then each is 400 VALIDATION_FAILED naming `documents` and the bound
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(tooMany.body.message).toContain(`documents must contain no more than ${FIELD_LIMITS.documents} elements`);
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(tooLong.body.message).toContain('documents');
    expect(tooLong.body.message).toContain(String(FIELD_LIMITS.code));
    expect([copies.status, copies.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(copies.body.message).toContain(`at most ${FIELD_LIMITS.copies} copies`);
  });

  it('receives an applicant with every field at its maximum, and prints Form 01 for it', async () => {
    // given an applicant whose name, e-mail and address are as long as allowed, the address one unbreakable word
    const longest = {
      ...applicant,
      fullName: 'Nguyễn '.repeat(40).slice(0, FIELD_LIMITS.personName),
      email: `${'a'.repeat(64)}@${'b'.repeat(FIELD_LIMITS.email - 64 - 1 - 3)}.vn`,
      address: 'X'.repeat(FIELD_LIMITS.address),
    };
    expect(longest.email).toHaveLength(FIELD_LIMITS.email);
    // when it is received
    const res = await reception.post('/api/dossiers', { ...HOUSEHOLD, applicant: longest }).expect(201);
    // then its receipt is a PDF
    const pdf = await reception.get(`/api/dossiers/${res.body.code}/receipt.pdf?key=${res.body.lookupKey}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('refuses process variables holding a text longer than an opinion may be, at any depth', async () => {
    // given an administrator, and variables whose note (printed on Form 03) or a nested text is one character too long
    const admin = await signIn(server, 'admin');
    const long = 'ý'.repeat(FIELD_LIMITS.variableText + 1);
    // when instances are started with them
    const flat = await admin.post('/api/instances', {
      definitionKey: 'dang-ky-ho-kinh-doanh',
      variables: { note: long },
    });
    const nested = await admin.post('/api/instances', {
      definitionKey: 'dang-ky-ho-kinh-doanh',
      variables: { form: { lines: [long] } },
    });
    // then both are refused naming `variables` and the bound
    for (const res of [flat, nested]) {
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.message).toContain(
        `variables must have at most ${FIELD_LIMITS.variables} names, each text shorter than or equal to ${FIELD_LIMITS.variableText} characters`,
      );
    }
  });

  it('refuses an oversized dossier code in the path and lookup key in the query with 400 naming them', async () => {
    // when a 5 KB dossier code or lookup key is asked for
    const code = await reception.get(`/api/dossiers/${'9'.repeat(5_000)}`);
    const key = await reception.get(`/api/dossiers/HS-1/receipt.pdf?key=${'K'.repeat(5_000)}`);
    // then both are refused at the edge, naming what was too long
    expect([code.status, code.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(code.body.message).toContain(`code must be shorter than or equal to ${FIELD_LIMITS.code} characters`);
    expect([key.status, key.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(key.body.message).toContain(`key must be shorter than or equal to ${FIELD_LIMITS.code} characters`);
  });
});
