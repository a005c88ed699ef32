import { jsonShapeExcess, MAX_BODY_DEPTH, MAX_BODY_VALUES, refuseHostileJson } from './body-depth.guard';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const refuse =
  (body: Buffer, encoding = 'utf-8') =>
  () =>
    refuseHostileJson({} as never, {} as never, body, encoding);

describe('jsonShapeExcess', () => {
  it('allows the depth bound and refuses one level more', () => {
    expect(jsonShapeExcess(nested(MAX_BODY_DEPTH))).toBeUndefined();
    expect(jsonShapeExcess(nested(MAX_BODY_DEPTH + 1))).toBe('depth');
    expect(jsonShapeExcess(Buffer.from(`{"a":${nested(MAX_BODY_DEPTH)}}`))).toBe('depth');
  });

  it('reads brackets and commas inside strings, escaped quotes included, as text', () => {
    expect(
      jsonShapeExcess(`{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}${','.repeat(MAX_BODY_VALUES)}"}`),
    ).toBeUndefined();
    expect(jsonShapeExcess(`["\\\\"${nested(MAX_BODY_DEPTH)}]`)).toBe('depth'); // the backslash is escaped: the string ends
  });

  it('allows 10,000 ids in one array and refuses more values than the bound', () => {
    const ids = (count: number) =>
      `{"instanceIds":[${Array(count).fill('"00000000-0000-0000-0000-000000000000"').join(',')}]}`;
    expect(jsonShapeExcess(ids(10_000))).toBeUndefined();
    expect(jsonShapeExcess(ids(MAX_BODY_VALUES + 1))).toBe('values');
    expect(jsonShapeExcess(`[${'[],'.repeat(MAX_BODY_VALUES / 2)}[]]`)).toBe('values');
  });

  it('reads UTF-8 bytes and other UTF charsets alike', () => {
    const text = `{"tên":"Nguyễn [ Văn {","x":${nested(70)}}`;
    expect(jsonShapeExcess(Buffer.from(text, 'utf8'))).toBe('depth');
    expect(refuse(Buffer.from(text, 'utf16le'), 'utf-16le')).toThrow(/64 levels/);
    expect(refuse(Buffer.from('{"a":[1]}', 'utf16le'), 'utf-16le')).not.toThrow();
  });
});
