import { checkFieldValues, fieldFaultCode, readFormField, readFormFields } from './form-fields';

const fields = readFormFields([
  { key: 'name', label: 'Tên hộ kinh doanh', type: 'text', required: true, maxLength: 10 },
  { key: 'capital', label: 'Vốn', type: 'number', required: true },
  { key: 'born', label: 'Ngày sinh', type: 'date' },
  { key: 'sex', label: 'Giới tính', type: 'select', options: [{ value: 'nam', label: 'Nam' }, 'nu'] },
  { key: 'pledge', label: 'Cam kết', type: 'checkbox', required: true },
  { key: 'note', label: 'Ghi chú', type: 'textarea' },
]);

describe('readFormField', () => {
  it('reads a field as mc:form draws it, with the type default length', () => {
    // given / when
    const field = readFormField({ key: 'pages', label: 'Số trang', type: 'number' });
    // then
    expect(field).toEqual({
      key: 'pages',
      label: 'Số trang',
      type: 'number',
      required: false,
      options: [],
      onlyWith: [],
      maxLength: 20,
    });
  });

  it.each([[{ key: 'a b' }], [{ key: 'outcome' }], [{ key: 'x', type: 'select' }], ['text'], [null]])(
    'drops an unusable field %j',
    (raw) => expect(readFormField(raw)).toBeNull(),
  );

  it('caps a declared length at the variable-text limit', () => {
    expect(readFormField({ key: 'x', maxLength: 1e9 })?.maxLength).toBe(2000);
  });
});

describe('checkFieldValues', () => {
  const good = { name: ' Hộ A ', capital: '50000000', born: '1990-02-28', sex: 'nu', pledge: true };

  it('keeps trimmed text, numbers and booleans; leaves empty optional fields out', () => {
    expect(checkFieldValues(fields, { ...good, note: '  ' })).toEqual({
      ok: true,
      values: { name: 'Hộ A', capital: 50000000, born: '1990-02-28', sex: 'nu', pledge: true },
    });
  });

  it('names each missing required field (blank text, an unticked pledge)', () => {
    const result = checkFieldValues(fields, { ...good, name: '   ', pledge: false, capital: undefined });
    expect(result).toEqual({
      ok: false,
      faults: [
        { key: 'name', problem: 'required' },
        { key: 'capital', problem: 'required' },
        { key: 'pledge', problem: 'required' },
      ],
    });
  });

  it('refuses a key the form does not have, a text too long and a value of the wrong kind', () => {
    const result = checkFieldValues(fields, {
      ...good,
      extra: 'x',
      name: 'x'.repeat(11),
      born: '1990-02-30',
      sex: 'khac',
      capital: 'nhiều',
    });
    expect(result.ok).toBe(false);
    const faults = result.ok ? [] : result.faults;
    expect(faults).toEqual(
      expect.arrayContaining([
        { key: 'extra', problem: 'unknown' },
        { key: 'name', problem: 'too_long' },
        { key: 'born', problem: 'invalid' },
        { key: 'sex', problem: 'invalid' },
        { key: 'capital', problem: 'invalid' },
      ]),
    );
    expect(fieldFaultCode(faults)).toBe('EFORM_FIELD_UNKNOWN');
  });

  it('orders the codes: unknown, too long, invalid, required', () => {
    expect(
      fieldFaultCode([
        { key: 'a', problem: 'required' },
        { key: 'b', problem: 'too_long' },
      ]),
    ).toBe('EFORM_FIELD_TOO_LONG');
    expect(
      fieldFaultCode([
        { key: 'a', problem: 'required' },
        { key: 'b', problem: 'invalid' },
      ]),
    ).toBe('EFORM_FIELD_INVALID');
    expect(fieldFaultCode([{ key: 'a', problem: 'required' }])).toBe('EFORM_FIELD_REQUIRED');
  });

  it('treats anything but an object as no answers', () => {
    const result = checkFieldValues(fields, 'name=x');
    expect(result.ok).toBe(false);
  });
});
