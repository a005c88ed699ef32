import { AUDIT_LOG, UNIT_DIRECTORY, type AuditLog, type UnitDirectory } from '../../libs/common/src';
import { AuditLogService, DEMO_ACCOUNTS, IdentitySeeder, UnitsService, UsersService } from '../../libs/identity/src';
import { startTestServer, type TestServer } from '../support/test-app';

/** Feature: what libs/identity provides to other modules, on the real database and demo seed. */
describe('identity providers (e2e)', () => {
  let server: TestServer;
  let directory: UnitDirectory;

  beforeAll(async () => {
    server = await startTestServer({ runWorkers: false });
    directory = server.app.get<UnitDirectory>(UNIT_DIRECTORY);
  });
  afterAll(() => server?.close());

  describe('UNIT_DIRECTORY.resolve', () => {
    it.each([
      [undefined, '000.20.20.H15', '000.20.20.H15'],
      ['receiving', '000.00.20.H15', '000.00.20.H15'],
      ['parent', '000.20.20.H15', '000.00.20.H15'],
      ['province', '000.20.20.H15', '000.00.00.H15'],
      ['province', '000.00.00.H15', '000.00.00.H15'],
      ['000.03.20.H15', '000.00.20.H15', '000.03.20.H15'],
    ])('resolves %p from %s to %s', async (ref, receiving, expected) => {
      await expect(directory.resolve(ref, receiving)).resolves.toBe(expected);
    });

    it.each([
      ['an unknown code', '000.99.20.H15', '000.00.20.H15'],
      ['an unknown receiving unit', 'receiving', '999.00.00.H15'],
      ['the parent of the root', 'parent', '000.00.00.H15'],
    ])('refuses %s (400 UNIT_NOT_FOUND)', async (_, ref, receiving) => {
      await expect(directory.resolve(ref, receiving)).rejects.toMatchObject({ status: 400, code: 'UNIT_NOT_FOUND' });
    });
  });

  describe('UNIT_DIRECTORY.usersWithRole', () => {
    it('counts a specialist:land as a specialist, within the unit only', async () => {
      await expect(directory.usersWithRole('000.03.20.H15', 'specialist')).resolves.toEqual([
        { id: expect.any(String), username: 'specialist.tnmt' },
      ]);
      await expect(directory.usersWithRole('000.03.20.H15', 'specialist:land')).resolves.toHaveLength(1);
      await expect(directory.usersWithRole('000.03.20.H15', 'specialist:construction')).resolves.toEqual([]);
    });

    it('finds the heads of a unit', async () => {
      const heads = await directory.usersWithRole('000.00.20.H15', 'head');
      expect(heads.map((user) => user.username)).toEqual(['head']);
    });
  });

  describe('UnitsService', () => {
    it('gives the codes of a subtree', async () => {
      const codes = await server.app.get(UnitsService).subtreeCodes('000.00.20.H15');
      expect(codes).toEqual(
        expect.arrayContaining(['000.00.20.H15', '000.03.20.H15', '000.20.20.H15', '000.22.20.H15']),
      );
      expect(codes).not.toContain('000.00.00.H15');
      expect(codes).not.toContain('000.00.01.H15');
    });

    it('refuses the subtree of an unknown unit (UNIT_NOT_FOUND)', async () => {
      await expect(server.app.get(UnitsService).subtreeCodes('nope')).rejects.toMatchObject({ code: 'UNIT_NOT_FOUND' });
    });
  });

  describe('UsersService', () => {
    it('finds users by username and id, without the password hash', async () => {
      const users = server.app.get(UsersService);
      const byName = await users.findByUsername('specialist.tnmt');
      expect(byName).toMatchObject({ unitCode: '000.03.20.H15', roles: ['specialist:land'], active: true });
      expect(byName).not.toHaveProperty('passwordHash');
      await expect(users.findById(byName!.id)).resolves.toEqual(byName);
      await expect(users.findById('not-a-uuid')).resolves.toBeUndefined();
    });

    it('refuses a taken username (409) and an unknown role (400)', async () => {
      const users = server.app.get(UsersService);
      const base = { fullName: 'X', unitCode: '000.00.20.H15', password: 'p' };
      await expect(users.create({ ...base, username: 'admin', roles: ['admin'] })).rejects.toMatchObject({
        status: 409,
        code: 'USERNAME_TAKEN',
      });
      await expect(users.create({ ...base, username: 'x-role', roles: ['root'] })).rejects.toMatchObject({
        status: 400,
        code: 'ROLE_INVALID',
      });
      await expect(
        users.create({ ...base, username: 'x-unit', roles: ['head'], unitCode: 'nope' }),
      ).rejects.toMatchObject({ code: 'UNIT_NOT_FOUND' });
    });
  });

  describe('AUDIT_LOG', () => {
    it('records entries that the audit service finds', async () => {
      // given
      const audit = server.app.get<AuditLog>(AUDIT_LOG);
      // when
      await audit.record({
        actor: 'reception',
        action: 'test.recorded',
        subject: 'dossier:000.00.20.H15-250602-0001',
        data: { n: 1 },
      });
      // then
      const found = await server.app.get(AuditLogService).find({ action: 'test.recorded', limit: 10, offset: 0 });
      expect(found.items[0]).toMatchObject({
        actor: 'reception',
        subject: 'dossier:000.00.20.H15-250602-0001',
        data: { n: 1 },
      });
    });
  });

  describe('demo seed', () => {
    it('is idempotent: a second run creates nothing', async () => {
      // given the server already seeded at start
      // when
      const again = await server.app.get(IdentitySeeder).seedDemo('another-password');
      // then
      expect(again).toEqual({ units: [], accounts: [] });
      for (const account of DEMO_ACCOUNTS) {
        await expect(server.app.get(UsersService).findByUsername(account.username)).resolves.toMatchObject({
          unitCode: account.unitCode,
        });
      }
    });
  });
});
