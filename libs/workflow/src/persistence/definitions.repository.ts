import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProcessModel } from '../runtime/engine.port';
import type { CommandTx } from './command.tx';
import type { Sql } from './sql';

/** A deployed definition as the runtime needs it. Immutable, so cached by id forever. */
export interface DefinitionRecord {
  id: string;
  key: string;
  version: number;
  name: string;
  procedureCode: string | null;
  model: ProcessModel;
}

export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name: string;
  procedureCode: string | null;
  deployedBy: string | null;
  deployedAt: Date;
  /** The key's owning unit (null: the province). */
  ownerUnitCode: string | null;
}

interface RawDefinition {
  id: string;
  key: string;
  version: number;
  name: string;
  procedure_code: string | null;
  model: ProcessModel;
}

/** Starts look up the latest version of a key; this saves that round trip on the hot path. */
const LATEST_TTL_MS = 2000;

const toRecord = (raw: RawDefinition): DefinitionRecord => ({
  id: raw.id,
  key: raw.key,
  version: raw.version,
  name: raw.name,
  procedureCode: raw.procedure_code,
  model: raw.model,
});

/** `process_definitions`: versioned deployments and the in-memory model cache. */
@Injectable()
export class DefinitionsRepository {
  private readonly byIdCache = new Map<string, DefinitionRecord>();
  /** Latest version id per key, briefly: a deploy in another process is seen within LATEST_TTL_MS. */
  private readonly latestCache = new Map<string, { id: string; expires: number }>();

  constructor(private readonly dataSource: DataSource) {}

  /** The compiled model of a definition; inside a transaction pass it, so no second connection is taken. */
  async byId(id: string, sql?: Sql): Promise<DefinitionRecord | null> {
    const cached = this.byIdCache.get(id);
    if (cached) return cached;
    const query = `SELECT id, key, version, name, procedure_code, model FROM process_definitions WHERE id = $1`;
    const raw = sql ? (await sql.rows<RawDefinition>(query, [id]))[0] : (await this.dataSource.query(query, [id]))[0];
    if (!raw) return null;
    const record = toRecord(raw);
    this.byIdCache.set(id, record);
    return record;
  }

  /** The latest version of a key (new instances start on it). */
  async latest(key: string): Promise<DefinitionRecord | null> {
    const cached = this.latestCache.get(key);
    if (cached && cached.expires > Date.now()) return this.byId(cached.id);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM process_definitions WHERE key = $1 ORDER BY version DESC LIMIT 1`,
      [key],
    );
    if (!rows[0]) return null;
    if (this.latestCache.size > 10_000) this.latestCache.clear();
    this.latestCache.set(key, { id: rows[0].id, expires: Date.now() + LATEST_TTL_MS });
    return this.byId(rows[0].id);
  }

  /** After a deploy in this process: its new versions are the latest at once. */
  forgetLatest(keys: readonly string[]): void {
    for (const key of keys) this.latestCache.delete(key);
  }

  /** A page of versions, newest first per key; `ownerCodes` keeps keys owned by those units (with their owner). */
  async list(
    limit: number,
    offset: number,
    key?: string,
    ownerCodes?: readonly string[],
  ): Promise<{ items: DefinitionSummary[]; total: number }> {
    const params: unknown[] = [limit, offset];
    const where: string[] = [];
    if (key) where.push(`d.key = $${params.push(key)}`);
    if (ownerCodes) where.push(`k.owner_unit_code = ANY($${params.push(ownerCodes)})`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows: (DefinitionSummary & { total: string })[] = await this.dataSource.query(
      `SELECT d.id, d.key, d.version, d.name, d.procedure_code AS "procedureCode", d.deployed_by AS "deployedBy",
              d.deployed_at AS "deployedAt", k.owner_unit_code AS "ownerUnitCode", count(*) OVER () AS total
       FROM process_definitions d LEFT JOIN process_keys k ON k.key = d.key ${clause}
       ORDER BY d.key, d.version DESC LIMIT $1 OFFSET $2`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : await this.count(clause, params.slice(2));
    return { items: rows.map(({ total: _total, ...item }) => item), total };
  }

  private async count(clause: string, params: unknown[]): Promise<number> {
    // The filters' placeholders start at $3 (after limit and offset): renumber them from $1.
    const renumbered = clause.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) - 2}`);
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM process_definitions d LEFT JOIN process_keys k ON k.key = d.key ${renumbered}`,
      params,
    );
    return Number(rows[0].n);
  }

  /** The XML of a version (latest when `version` is undefined). */
  async xml(key: string, version?: number): Promise<{ xml: string; version: number } | null> {
    const rows: { xml: string; version: number }[] =
      version === undefined
        ? await this.dataSource.query(
            `SELECT xml, version FROM process_definitions WHERE key = $1 ORDER BY version DESC LIMIT 1`,
            [key],
          )
        : await this.dataSource.query(`SELECT xml, version FROM process_definitions WHERE key = $1 AND version = $2`, [
            key,
            version,
          ]);
    return rows[0] ?? null;
  }

  /** Serialises deploys of one key until the transaction ends (the unique (key, version) constraint is the backstop). */
  async lockKey(tx: CommandTx, key: string): Promise<void> {
    await tx.rows(`SELECT pg_advisory_xact_lock(hashtext('motcua.definition'), hashtext($1))`, [key]);
  }

  /** The latest version of a key with its XML, read inside the deploy transaction. */
  async latestWithXml(tx: CommandTx, key: string): Promise<(DefinitionRecord & { xml: string }) | null> {
    const raw = await tx.one<RawDefinition & { xml: string }>(
      `SELECT id, key, version, name, procedure_code, model, xml FROM process_definitions WHERE key = $1 ORDER BY version DESC LIMIT 1`,
      [key],
    );
    return raw ? { ...toRecord(raw), xml: raw.xml } : null;
  }

  /** Inserts version n+1 of `key`; call `lockKey` first. */
  async insertNextVersion(
    tx: CommandTx,
    input: {
      key: string;
      name: string;
      procedureCode: string | null;
      xml: string;
      model: ProcessModel;
      deployedBy: string | null;
      deployedAt: Date;
    },
  ): Promise<DefinitionRecord> {
    const raw = await tx.one<RawDefinition>(
      `INSERT INTO process_definitions (key, version, name, procedure_code, xml, model, deployed_by, deployed_at)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5::jsonb, $6, $7 FROM process_definitions WHERE key = $1
       RETURNING id, key, version, name, procedure_code, model`,
      [
        input.key,
        input.name,
        input.procedureCode,
        input.xml,
        JSON.stringify(input.model),
        input.deployedBy,
        input.deployedAt,
      ],
    );
    return toRecord(raw!);
  }
}
