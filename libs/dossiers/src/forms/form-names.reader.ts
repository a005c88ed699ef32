import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitsService, UsersService } from '../../../identity/src';
import { INSTANCE_VARIABLES_SQL } from '../../../workflow/src';

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
      Promise.all(
        logins.map(
          async (username) => [username, (await this.users.findByUsername(username))?.fullName ?? username] as const,
        ),
      ),
    ]);
    const unitNames = new Map(units);
    const personNames = new Map(people);
    return {
      unit: (code) => unitNames.get(code) ?? code,
      person: (username) => (username ? (personNames.get(username) ?? username) : null),
    };
  }

  /** The first of these process variables the dossier's instance holds as non-empty text (e.g. the approver's reason). */
  async firstVariable(instanceId: string | null, names: readonly string[]): Promise<string | undefined> {
    if (!instanceId) return undefined;
    const rows: { variables: Record<string, unknown> | null }[] = await this.db.query(INSTANCE_VARIABLES_SQL, [
      instanceId,
    ]);
    const variables = rows[0]?.variables ?? {};
    return names
      .map((name) => variables[name])
      .find((value): value is string => typeof value === 'string' && value.trim() !== '');
  }
}
