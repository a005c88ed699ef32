import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitsRepository } from '../repositories/units.repository';
import { UsersRepository } from '../repositories/users.repository';
import { PasswordHasher } from '../services/password-hasher.service';
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from './demo-accounts.data';
import { DEMO_CITY_CODE, DEMO_UNITS } from './demo-units.data';

/** Serialises concurrent boots (several server processes seeding one database). */
const SEED_LOCK_KEY = 1_764_300_001;

export interface IdentitySeedResult {
  units: string[];
  accounts: string[];
}

/** Demo units and accounts (DESIGN §7). */
@Injectable()
export class IdentitySeeder {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * Creates the demo units and accounts that are missing and changes nothing that exists
   * (no password reset, no unlock), so it is safe on every boot. A database that has
   * accounts but not the demo `admin` is a real one: it is left alone.
   */
  async seedDemo(password: string): Promise<IdentitySeedResult> {
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      if (!(await this.isDemoDatabase(manager))) {
        this.logger.log('Accounts exist and none is the demo admin: demo units and accounts not seeded');
        return { units: [], accounts: [] };
      }
      const units: string[] = [];
      for (const unit of DEMO_UNITS) if (await this.units.insert(unit, manager)) units.push(unit.code);

      const existing = await this.users.existingUsernames(
        DEMO_ACCOUNTS.map((account) => account.username),
        manager,
      );
      const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.username));
      // One hash for all: they share the printed demo password anyway, and at N=2^17 a hash each
      // would cost the boot (and every test server) seconds.
      const passwordHash = missing.length ? await this.hasher.hash(password) : '';
      const accounts: string[] = [];
      for (const account of missing) {
        const id = await this.users.insert({ ...account, passwordHash, mustChangePassword: false }, manager);
        if (id) accounts.push(account.username);
      }
      return { units, accounts };
    });
    if (result.accounts.length) this.printAccounts(result.accounts, password);
    return result;
  }

  private async isDemoDatabase(manager: EntityManager): Promise<boolean> {
    if ((await this.users.countAll(manager)) === 0) return true;
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM users u JOIN units un ON un.id = u.unit_id WHERE u.username = 'admin' AND un.code = $1`,
      [DEMO_CITY_CODE],
    );
    return rows.length > 0;
  }

  private printAccounts(usernames: string[], password: string): void {
    const shown = password === DEFAULT_DEMO_PASSWORD ? `"${password}"` : 'the value of DEMO_PASSWORD';
    const lines = DEMO_ACCOUNTS.filter((account) => usernames.includes(account.username)).map(
      (account) =>
        `  ${account.username.padEnd(18)} ${account.roles.join(',').padEnd(24)} ${account.unitCode}  ${account.fullName}`,
    );
    this.logger.log(`Demo accounts created (password: ${shown}):\n${lines.join('\n')}`);
  }
}
