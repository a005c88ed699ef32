import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Sql } from '../persistence/sql';

/** Who owns a process key and which units its owner declared inter-agency partners. */
export interface KeyOwnership {
  key: string;
  /** Null: the province (only administrators of a root unit). */
  ownerUnitCode: string | null;
  partnerUnitCodes: string[];
}

const COLUMNS = `key, owner_unit_code AS "ownerUnitCode", partner_unit_codes AS "partnerUnitCodes"`;

/** `process_keys`: one row per deployed key, written by its first deploy. */
@Injectable()
export class ProcessKeysRepository {
  /** Statements outside a command transaction. */
  readonly autocommit: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.autocommit = { inTransaction: false, rows: (query, params) => this.dataSource.query(query, params) };
  }

  async find(key: string, sql?: Sql): Promise<KeyOwnership | null> {
    const query = `SELECT ${COLUMNS} FROM process_keys WHERE key = $1`;
    const rows: KeyOwnership[] = sql
      ? await sql.rows<KeyOwnership>(query, [key])
      : await this.dataSource.query(query, [key]);
    return rows[0] ?? null;
  }

  /** The ownership of several keys (missing keys are absent from the map). */
  async findMany(keys: readonly string[]): Promise<Map<string, KeyOwnership>> {
    if (keys.length === 0) return new Map();
    const rows: KeyOwnership[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM process_keys WHERE key = ANY($1)`,
      [keys],
    );
    return new Map(rows.map((row) => [row.key, row]));
  }

  /** Records the owner of a key deployed for the first time (inside the deploy transaction, after its key lock). */
  async claim(sql: Sql, key: string, ownerUnitCode: string | null, actor: string | null): Promise<void> {
    await sql.rows(
      `INSERT INTO process_keys (key, owner_unit_code, updated_by) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`,
      [key, ownerUnitCode, actor],
    );
  }

  async setPartners(key: string, unitCodes: readonly string[], actor: string): Promise<KeyOwnership | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [KeyOwnership[], number] = await this.dataSource.query(
      `UPDATE process_keys SET partner_unit_codes = $2, updated_by = $3, updated_at = now() WHERE key = $1 RETURNING ${COLUMNS}`,
      [key, unitCodes, actor],
    );
    return rows[0] ?? null;
  }

  /** The owner of an instance's key (undefined when there is no such instance). */
  async ownerOfInstance(instanceId: string): Promise<{ ownerUnitCode: string | null } | undefined> {
    const rows: { ownerUnitCode: string | null }[] = await this.dataSource.query(
      `SELECT k.owner_unit_code AS "ownerUnitCode" FROM process_instances i LEFT JOIN process_keys k ON k.key = i.definition_key WHERE i.id = $1`,
      [instanceId],
    );
    return rows[0];
  }

  /** The owner of the key of an incident's instance (undefined when there is no such incident). */
  async ownerOfIncident(incidentId: string): Promise<{ ownerUnitCode: string | null } | undefined> {
    const rows: { ownerUnitCode: string | null }[] = await this.dataSource.query(
      `SELECT k.owner_unit_code AS "ownerUnitCode" FROM incidents n JOIN process_instances i ON i.id = n.instance_id
         LEFT JOIN process_keys k ON k.key = i.definition_key WHERE n.id = $1`,
      [incidentId],
    );
    return rows[0];
  }

  /** The owners of the keys of the instances carrying a business key (a message addressed by business key may reach any of them). */
  async ownersOfBusinessKey(businessKey: string): Promise<(string | null)[]> {
    const rows: { owner: string | null }[] = await this.dataSource.query(
      `SELECT DISTINCT k.owner_unit_code AS owner FROM process_instances i LEFT JOIN process_keys k ON k.key = i.definition_key
        WHERE i.business_key = $1 AND i.status IN ('running', 'incident')`,
      [businessKey],
    );
    return rows.map((row) => row.owner);
  }

  /** SQL keeping rows whose `instanceColumn` is an instance of a key owned by the units of parameter `$param`. */
  static ownedInstances(instanceColumn: string, param: string): string {
    return `${instanceColumn} IN (SELECT i.id FROM process_instances i JOIN process_keys k ON k.key = i.definition_key WHERE k.owner_unit_code = ANY(${param}))`;
  }
}
