import { AppError } from '../../../common/src';
import { checkLegalTime, checkProcedure } from './procedure.rules';

const valid = {
  code: '1.000001',
  name: 'Thủ tục thử',
  field: 'Hộ tịch',
  level: 'commune',
  legalTime: { days: 3 },
  fee: 0,
  requiredDocuments: [{ code: 'to-khai', name: 'Tờ khai', kind: 'original', required: true }],
  processKey: 'dang-ky-khai-sinh',
  channels: ['direct'],
};

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? error.code : 'NOT_APP_ERROR';
  }
  return undefined;
}

describe('checkLegalTime', () => {
  it.each([[{ days: 3 }], [{ hours: 4 }], [{ sameDay: true }]])('accepts %j', (time) => {
    expect(checkLegalTime(time)).toEqual(time);
  });

  it.each([
    [{}],
    [{ days: 0 }],
    [{ days: -2 }],
    [{ days: 1.5 }],
    [{ days: 261 }],
    [{ days: 2, hours: 3 }],
    [{ sameDay: false }],
    [null],
    ['3d'],
    [{ weeks: 1 }],
  ])('refuses %j with LEGAL_TIME_INVALID', (time) => {
    expect(codeOf(() => checkLegalTime(time))).toBe('LEGAL_TIME_INVALID');
  });
});

describe('checkProcedure', () => {
  it('normalises a valid entry: trimmed texts, null fee rules, no templates, published unless said otherwise, no electronic result unless said', () => {
    // when an entry is checked
    const procedure = checkProcedure({ ...valid, name: '  Thủ tục thử ' });
    // then it comes back in the catalog shape
    expect(procedure).toEqual({
      ...valid,
      name: 'Thủ tục thử',
      feeRules: null,
      formTemplates: [],
      processVersion: null,
      published: true,
      electronicResult: false,
      eForm: null,
    });
    expect(checkProcedure({ ...valid, published: false }).published).toBe(false);
    expect(checkProcedure({ ...valid, electronicResult: true }).electronicResult).toBe(true);
    // the e-form is read by the shared field module (libs/common form-fields)
    expect(
      checkProcedure({ ...valid, eForm: { fields: [{ key: 'ten', label: ' Tên ', required: true }] } }).eForm,
    ).toEqual({
      fields: [{ key: 'ten', label: 'Tên', type: 'text', required: true, options: [], onlyWith: [], maxLength: 200 }],
    });
  });

  it.each([
    ['PROCEDURE_CODE_INVALID', { code: '1 001' }],
    ['PROCEDURE_FIELD_INVALID', { name: '' }],
    ['PROCEDURE_FIELD_INVALID', { level: 'national' }],
    ['FEE_INVALID', { fee: -1 }],
    ['FEE_INVALID', { fee: 10.5 }],
    ['LEGAL_TIME_INVALID', { legalTime: { days: 0 } }],
    [
      'DOCUMENT_CODE_DUPLICATE',
      { requiredDocuments: [valid.requiredDocuments[0], { ...valid.requiredDocuments[0], name: 'Bản khác' }] },
    ],
    ['DOCUMENT_CODE_INVALID', { requiredDocuments: [{ code: '../x', name: 'x', kind: 'copy' }] }],
    ['PROCEDURE_FIELD_INVALID', { requiredDocuments: [{ code: 'x', name: 'x', kind: 'photo' }] }],
    ['FORM_FILE_INVALID', { formTemplates: [{ name: 'Mẫu', file: '../catalog.json' }] }],
    ['CHANNELS_INVALID', { channels: [] }],
    ['CHANNELS_INVALID', { channels: ['fax'] }],
    ['PROCESS_VERSION_UNKNOWN', { processVersion: 0 }],
    ['EFORM_DEFINITION_INVALID', { eForm: { fields: [{ key: 'ten ho', label: 'Tên' }] } }],
    ['EFORM_DEFINITION_INVALID', { eForm: { fields: [{ key: 'loai', type: 'select', options: [] }] } }],
    ['EFORM_DEFINITION_INVALID', { eForm: { fields: [{ key: 'a' }, { key: 'a' }] } }],
    ['EFORM_DEFINITION_INVALID', { eForm: { fields: [{ key: 'a', label: 'x'.repeat(501) }] } }],
    ['EFORM_DEFINITION_INVALID', { eForm: { fields: Array.from({ length: 101 }, (_, i) => ({ key: `f${i}` })) } }],
    ['EFORM_DEFINITION_INVALID', { eForm: [] }],
  ])('refuses with %s: %j', (code, change) => {
    expect(codeOf(() => checkProcedure({ ...valid, ...change }))).toBe(code);
  });

  // Issue 15, item 8: an imported catalog (no DTO) is bounded as the admin DTO is (FIELD_LIMITS).
  it.each([
    [
      '101 documents',
      { requiredDocuments: Array.from({ length: 101 }, (_, i) => ({ code: `d${i}`, name: 'x', kind: 'copy' })) },
    ],
    [
      '51 form templates',
      { formTemplates: Array.from({ length: 51 }, (_, i) => ({ name: 'Mẫu', file: `m${i}.pdf` })) },
    ],
    ['a 501-character document name', { requiredDocuments: [{ code: 'x', name: 'x'.repeat(501), kind: 'copy' }] }],
  ])('refuses %s with PROCEDURE_FIELD_INVALID', (_label, change) => {
    expect(codeOf(() => checkProcedure({ ...valid, ...change }))).toBe('PROCEDURE_FIELD_INVALID');
  });
});
