import { join } from 'node:path';
import { buildProcedures } from './procedures';
import { buildProvince } from './province';

describe('generated province', () => {
  const province = buildProvince();

  it('has 100+ units with unique national-style codes, each parent listed before its children', () => {
    // given the generated tree
    const seen = new Set<string>();
    // then
    expect(province.units.length).toBeGreaterThanOrEqual(100);
    for (const unit of province.units) {
      expect(unit.code).toMatch(/^000\.\d{2}\.\d{2}\.H15$/);
      expect(seen.has(unit.code)).toBe(false);
      if (unit.parentCode) expect(seen.has(unit.parentCode)).toBe(true);
      seen.add(unit.code);
    }
    expect(province.units.filter((u) => u.parentCode === null).map((u) => u.code)).toEqual(['000.00.00.H15']);
  });

  it('receives at 15 districts with 10 communes each, and keeps the demo units as the demo seed names them', () => {
    expect(province.districts).toHaveLength(15);
    expect(province.communes).toHaveLength(150);
    expect(province.units.find((u) => u.code === '000.20.20.H15')?.name).toBe('UBND phường Tân Lợi');
    // a district's offices carry the demo city's office numbers
    expect(
      province.units
        .filter((u) => u.parentCode === '000.00.31.H15' && u.kind === 'office')
        .map((u) => u.code.slice(4, 6)),
    ).toEqual(['01', '02', '03', '04', '05', '06']);
  });

  it('has 50 procedures with unique codes, each on a shipped diagram', () => {
    const procedures = buildProcedures(join(__dirname, '..', '..'));
    expect(procedures).toHaveLength(50);
    expect(new Set(procedures.map((p) => p.code)).size).toBe(50);
    expect(new Set(procedures.map((p) => p.processKey))).toEqual(
      new Set([
        'dang-ky-khai-sinh',
        'chung-thuc-ban-sao',
        'dang-ky-ho-kinh-doanh',
        'cap-phep-xay-dung-nha-o',
        'cap-gcn-lan-dau',
      ]),
    );
  });
});
