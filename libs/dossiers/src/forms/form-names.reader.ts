import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitsService, UsersService } from '../../../identity/src';

/** Names a form prints instead of codes: `unit(code)`, `person(username)`; the code itself when unknown. */
export interface FormNames {
  unit(code: string): string;
  person(username: string | null): string | null;
}

/** Reads what the printed forms need beyond the dossier detail: unit and officer names, a step's variable. */
@Injectable()
export class FormNamesReader {
  constructor(
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly db: DataSource,
  ) {}

  /** The names of these units and officers, looked up once each. */
  async names(unitCodes: Iterable<string>, usernames: Iterable<string | null>): Promise<FormNames> {
    const codes = [...new Set(unitCodes)];
    const logins = [...new Set([...usernames].filter((u): u is string => !!u))];
    const [units, people] = await Promise.all([
      Promise.all(codes.map(async (code) => [code, (await this.units.findByCode(code))?.name ?? code] as const)),
      Promise.all(logins.map(async (username) => [username, (await this.users.findByUsername(username))?.fullName ?? username] as const)),
    ]);
    const unitNames = new Map(units);
    const personNames = new Map(people);
    return {
      unit: (code) => unitNames.get(code) ?? code,
      person: (username) => (username ? (personNames.get(username) ?? username) : null),
    };
  }

  /** A process variable of the dossier's instance (e.g. the approver's `rejectionReason`). */
  async variable(instanceId: string | null, name: string): Promise<unknown> {
    if (!instanceId) return undefined;
    const rows: { value: unknown }[] = await this.db.query(`SELECT variables -> $2 AS value FROM process_instances WHERE id = $1`, [instanceId, name]);
    return rows[0]?.value ?? undefined;
  }
}
