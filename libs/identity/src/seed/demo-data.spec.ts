import { isValidRole, USERNAME_PATTERN } from '../identity.types';
import { DEMO_ACCOUNTS } from './demo-accounts.data';
import { DEMO_CITY_CODE, DEMO_PROVINCE_CODE, DEMO_UNITS } from './demo-units.data';

describe('demo data', () => {
  const codes = DEMO_UNITS.map((unit) => unit.code);

  it('has unique national-style codes with the province at the root', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H15$/);
    expect(DEMO_UNITS.filter((unit) => unit.parentCode === null).map((unit) => unit.code)).toEqual([
      DEMO_PROVINCE_CODE,
    ]);
  });

  it('lists every parent before its children (the seeder inserts in this order)', () => {
    DEMO_UNITS.forEach((unit, i) => {
      if (unit.parentCode) expect(codes.slice(0, i)).toContain(unit.parentCode);
    });
  });

  it('puts every account in a demo unit, with valid usernames and roles', () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(codes).toContain(account.unitCode);
      expect(account.username).toMatch(USERNAME_PATTERN);
      expect(account.roles.every(isValidRole)).toBe(true);
    }
  });

  it('has admin, reception, specialist, head and leader in the receiving city', () => {
    for (const role of ['admin', 'reception', 'specialist', 'head', 'leader']) {
      expect(DEMO_ACCOUNTS).toContainEqual(
        expect.objectContaining({ username: role, unitCode: DEMO_CITY_CODE, roles: [role] }),
      );
    }
  });

  it('has a specialist in another unit, for access tests', () => {
    expect(DEMO_ACCOUNTS.some((a) => a.unitCode !== DEMO_CITY_CODE && a.roles.includes('specialist'))).toBe(true);
  });
});
