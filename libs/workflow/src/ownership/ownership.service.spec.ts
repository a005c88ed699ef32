import { AppError, type UnitDirectory } from '../../../common/src';
import type { Sql } from '../persistence/sql';
import type { ProcessModel } from '../runtime/engine.port';
import { AdminReach } from './admin-reach';
import { OwnershipService } from './ownership.service';
import type { KeyOwnership, ProcessKeysRepository } from './process-keys.repository';

/**
 * OwnershipService without HTTP or Postgres (issue 17 item 9): the rules of issue 15 item 2 as
 * given/when/then, over an in-memory `process_keys` and a two-level province:
 * H15 (root) → H15.10 (a department) and H15.20 (a commune).
 */
const TREE: Record<string, string[]> = { H15: ['H15', 'H15.10', 'H15.20'], 'H15.10': ['H15.10'], 'H15.20': ['H15.20'] };

class Directory implements UnitDirectory {
  async resolve(unitRef: string | undefined): Promise<string> {
    return unitRef ?? 'H15';
  }
  async usersWithRole(): Promise<{ id: string; username: string }[]> {
    return [];
  }
  async administered(unitCode: string) {
    return { codes: TREE[unitCode] ?? [unitCode], root: unitCode === 'H15' };
  }
  async unitOfUser(username: string) {
    return { admin: 'H15', dept: 'H15.10', commune: 'H15.20' }[username];
  }
  async unitName(unitCode: string) {
    return unitCode in TREE ? `Đơn vị ${unitCode}` : undefined;
  }
  async unknown(unitCodes: readonly string[]) {
    return unitCodes.filter((code) => !(code in TREE));
  }
}

/** The repository's surface the service uses, kept in a map; `claims` records writes. */
class Keys {
  readonly rows = new Map<string, KeyOwnership>();
  readonly claims: string[] = [];
  readonly autocommit: Sql = { inTransaction: false, rows: async () => [] };
  async find(key: string) {
    return this.rows.get(key) ?? null;
  }
  async claim(_sql: Sql, key: string, ownerUnitCode: string | null) {
    if (this.rows.has(key)) return;
    this.rows.set(key, { key, ownerUnitCode, partnerUnitCodes: [] });
    this.claims.push(key);
  }
  async setPartners(key: string, unitCodes: readonly string[]) {
    const row = this.rows.get(key);
    if (row) row.partnerUnitCodes = [...unitCodes];
    return row ?? null;
  }
  async ownerOfInstance() {
    return undefined;
  }
  async ownerOfIncident() {
    return undefined;
  }
  async ownersOfBusinessKey() {
    return [];
  }
}

/** A process whose user tasks go to `units` and whose call activities start `calls`. */
function model(id: string, units: string[], calls: string[] = []): ProcessModel {
  const elements: Record<string, unknown> = {};
  units.forEach((unit, i) => (elements[`Task_${i}`] = { id: `Task_${i}`, userTask: { unit } }));
  calls.forEach((called, i) => (elements[`Call_${i}`] = { id: `Call_${i}`, call: { calledElement: called } }));
  return { id, elements } as unknown as ProcessModel;
}

function setUp() {
  const keys = new Keys();
  const service = new OwnershipService(keys as unknown as ProcessKeysRepository, new Directory());
  const reachOf = (username: keyof typeof UNITS) => service.reach({ username, unitCode: UNITS[username] });
  return { keys, service, reachOf };
}
const UNITS = { admin: 'H15', dept: 'H15.10', commune: 'H15.20' } as const;
const sql: Sql = { inTransaction: true, rows: async () => [] };

/** The AppError a promise rejects with, as `status code`. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return `${error.status} ${error.code}`;
}

describe('OwnershipService', () => {
  describe('reach', () => {
    it('gives the province administrator everything and a department administrator its subtree', async () => {
      const { reachOf } = setUp();
      const province = await reachOf('admin');
      const department = await reachOf('dept');
      expect([province.manages(null), province.manages('H15.20')]).toEqual([true, true]);
      expect([department.manages('H15.10'), department.manages('H15.20'), department.manages(null)]).toEqual([
        true,
        false,
        false,
      ]);
    });
  });

  describe('claimForDeploy', () => {
    it('records the deployer’s unit as the owner of a new key', async () => {
      // given a department administrator and a key nobody deployed
      const { keys, service, reachOf } = setUp();
      // when they deploy a diagram whose steps stay in the receiving unit
      const owners = await service.claimForDeploy(
        sql,
        [model('cap-phep', ['receiving'])],
        await reachOf('dept'),
        'H15.10',
        'dept',
      );
      // then the key is theirs
      expect(owners.get('cap-phep')).toBe('H15.10');
      expect(keys.rows.get('cap-phep')?.ownerUnitCode).toBe('H15.10');
    });

    it('refuses a key owned by another unit with 403 ADMIN_SCOPE and claims nothing', async () => {
      // given a key the commune owns
      const { keys, service, reachOf } = setUp();
      keys.rows.set('khai-sinh', { key: 'khai-sinh', ownerUnitCode: 'H15.20', partnerUnitCodes: [] });
      // when the department deploys a new version of it
      const answer = await refusal(
        service.claimForDeploy(sql, [model('khai-sinh', ['receiving'])], await reachOf('dept'), 'H15.10', 'dept'),
      );
      // then it is refused and the owner is unchanged
      expect(answer).toBe('403 ADMIN_SCOPE');
      expect(keys.rows.get('khai-sinh')?.ownerUnitCode).toBe('H15.20');
    });

    it('refuses steps on units neither administered nor partners with 403 UNIT_NOT_ADMINISTERED, before any claim', async () => {
      const { keys, service, reachOf } = setUp();
      const answer = await refusal(
        service.claimForDeploy(
          sql,
          [model('lien-thong', ['H15.20', 'receiving'])],
          await reachOf('dept'),
          'H15.10',
          'dept',
        ),
      );
      expect(answer).toBe('403 UNIT_NOT_ADMINISTERED');
      expect(keys.claims).toEqual([]);
    });

    it('accepts steps on a declared partner unit', async () => {
      // given the department's key with the commune declared a partner
      const { keys, service, reachOf } = setUp();
      keys.rows.set('lien-thong', { key: 'lien-thong', ownerUnitCode: 'H15.10', partnerUnitCodes: ['H15.20'] });
      // when a version sending a step to the commune is deployed
      const owners = await service.claimForDeploy(
        sql,
        [model('lien-thong', ['H15.20'])],
        await reachOf('dept'),
        'H15.10',
        'dept',
      );
      // then it is accepted under the same owner
      expect(owners.get('lien-thong')).toBe('H15.10');
    });

    it('refuses a call into another unit’s process with 403 CALLED_PROCESS_NOT_ADMINISTERED', async () => {
      const { keys, service, reachOf } = setUp();
      keys.rows.set('xac-minh', { key: 'xac-minh', ownerUnitCode: 'H15.20', partnerUnitCodes: [] });
      const answer = await refusal(
        service.claimForDeploy(
          sql,
          [model('cha', ['receiving'], ['xac-minh'])],
          await reachOf('dept'),
          'H15.10',
          'dept',
        ),
      );
      expect(answer).toBe('403 CALLED_PROCESS_NOT_ADMINISTERED');
    });

    it('reserves a called process not deployed yet for the caller’s owner, so nobody else deploys it first', async () => {
      // given a parent that calls a key no one deployed
      const { keys, service, reachOf } = setUp();
      await service.claimForDeploy(
        sql,
        [model('cha', ['receiving'], ['con'])],
        await reachOf('dept'),
        'H15.10',
        'dept',
      );
      // when the commune then tries to deploy that key
      const answer = await refusal(
        service.claimForDeploy(sql, [model('con', ['receiving'])], await reachOf('commune'), 'H15.20', 'commune'),
      );
      // then the reservation holds
      expect(keys.rows.get('con')?.ownerUnitCode).toBe('H15.10');
      expect(answer).toBe('403 ADMIN_SCOPE');
    });

    it('lets the system deploy anything (deployer null, the processes/ folder at boot)', async () => {
      const { keys, service } = setUp();
      keys.rows.set('khai-sinh', { key: 'khai-sinh', ownerUnitCode: 'H15.20', partnerUnitCodes: [] });
      const owners = await service.claimForDeploy(sql, [model('khai-sinh', ['H15.10'])], null, null, null);
      expect(owners.get('khai-sinh')).toBe('H15.20');
    });
  });

  describe('keyFor', () => {
    it('answers 404 DEFINITION_NOT_FOUND for reads outside the reach (no existence oracle) and 403 ADMIN_SCOPE for changes', async () => {
      const { keys, service, reachOf } = setUp();
      keys.rows.set('khai-sinh', { key: 'khai-sinh', ownerUnitCode: 'H15.20', partnerUnitCodes: [] });
      const department = await reachOf('dept');
      expect(await refusal(service.keyFor(department, 'khai-sinh', 'read'))).toBe('404 DEFINITION_NOT_FOUND');
      expect(await refusal(service.keyFor(department, 'khai-sinh', 'change'))).toBe('403 ADMIN_SCOPE');
      expect(await refusal(service.keyFor(department, 'khong-co', 'read'))).toBe('404 DEFINITION_NOT_FOUND');
      expect((await service.keyFor(await reachOf('commune'), 'khai-sinh', 'change')).ownerUnitCode).toBe('H15.20');
    });
  });

  describe('setPartners', () => {
    it('claims an undeployed key for the caller’s unit and stores the sorted, de-duplicated partners', async () => {
      const { keys, service } = setUp();
      const saved = await service.setPartners({ username: 'dept', unitCode: 'H15.10' } as never, 'lien-thong', [
        ' H15.20',
        'H15.20',
        'H15',
      ]);
      expect(saved).toEqual({ key: 'lien-thong', ownerUnitCode: 'H15.10', partnerUnitCodes: ['H15', 'H15.20'] });
      expect(keys.claims).toEqual(['lien-thong']);
    });

    it('refuses unknown units (400 UNIT_NOT_FOUND), empty codes and bad keys (400 PARTNERS_INVALID)', async () => {
      const { service } = setUp();
      const dept = { username: 'dept', unitCode: 'H15.10' } as never;
      expect(await refusal(service.setPartners(dept, 'lien-thong', ['H99']))).toBe('400 UNIT_NOT_FOUND');
      expect(await refusal(service.setPartners(dept, 'lien-thong', ['  ']))).toBe('400 PARTNERS_INVALID');
      expect(await refusal(service.setPartners(dept, '../etc', ['H15.20']))).toBe('400 PARTNERS_INVALID');
    });
  });

  it('AdminReach.everything manages every owner (the workflow module without a directory)', () => {
    expect(AdminReach.everything({ username: 'system', unitCode: 'H15' }).manages('anything')).toBe(true);
  });
});
