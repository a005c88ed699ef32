import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Procedure } from '../domain/procedure.types';
import { foldedContains } from '../../../common/src';

const COLUMNS = `code, name, field, level, legal_time AS "legalTime", fee, fee_rules AS "feeRules",
  required_documents AS "requiredDocuments", form_templates AS "formTemplates", process_key AS "processKey",
  process_version AS "processVersion", channels, published, owner_unit_code AS "ownerUnitCode", electronic_result AS "electronicResult", e_form AS "eForm"`;

const RECORDSET = `jsonb_to_recordset($1::jsonb) AS r(code text, name text, field text, level text, legal_time jsonb, fee integer, fee_rules text,
  required_documents jsonb, form_templates jsonb, process_key text, process_version integer, channels text[], published boolean, owner_unit_code text, electronic_result boolean, e_form jsonb)`;
const INSERT = `INSERT INTO procedures (code, name, field, level, legal_time, fee, fee_rules, required_documents, form_templates, process_key, process_version, channels, published, owner_unit_code, electronic_result, e_form, updated_at)
  SELECT r.code, r.name, r.field, r.level, r.legal_time, r.fee, r.fee_rules, r.required_documents, r.form_templates, r.process_key, r.process_version, r.channels, r.published, r.owner_unit_code, COALESCE(r.electronic_result, false), r.e_form, now()
  FROM ${RECORDSET}`;

/** The folded text the catalog search compares on: the expression of procedures_search_idx (migration 1764601500000). */
const SEARCH_TEXT = `vn_fold(name || ' ' || field || ' ' || code || ' ' || process_key)`;

/** The words of a search, at most 8 (a longer query is no more precise, only slower). */
function searchWords(q: string | undefined): string[] {
  return (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
}

/** What `GET /api/admin/procedures` filters on; the public list passes `published: true`. */
export interface ProcedureFilter {
  field?: string;
  level?: string;
  q?: string;
  published?: boolean;
  limit: number;
  offset: number;
}

const toRecords = (entries: readonly Procedure[]) =>
  JSON.stringify(
    entries.map((e) => ({
      code: e.code,
      name: e.name,
      field: e.field,
      level: e.level,
      legal_time: e.legalTime,
      fee: e.fee,
      fee_rules: e.feeRules,
      required_documents: e.requiredDocuments,
      form_templates: e.formTemplates,
      process_key: e.processKey,
      process_version: e.processVersion ?? null,
      channels: e.channels,
      published: e.published,
      owner_unit_code: e.ownerUnitCode ?? null,
      electronic_result: e.electronicResult ?? false,
      e_form: e.eForm ?? null,
    })),
  );

/** The `procedures` table: seeded from processes/catalog.json, edited from the admin pages. */
@Injectable()
export class ProceduresRepository {
  constructor(private readonly db: DataSource) {}

  /** Adds the entries whose code is not in the table yet (the seed never overwrites an administrator's edits). */
  async seed(entries: readonly Procedure[]): Promise<void> {
    if (entries.length > 0) await this.db.query(`${INSERT} ON CONFLICT (code) DO NOTHING`, [toRecords(entries)]);
  }

  /** Creates or replaces every entry in one statement (an import is all or nothing); an existing entry keeps its owner. */
  async upsert(entries: readonly Procedure[], manager: EntityManager | DataSource = this.db): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `${INSERT}
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, field = EXCLUDED.field, level = EXCLUDED.level, legal_time = EXCLUDED.legal_time,
         fee = EXCLUDED.fee, fee_rules = EXCLUDED.fee_rules, required_documents = EXCLUDED.required_documents,
         form_templates = EXCLUDED.form_templates, process_key = EXCLUDED.process_key, process_version = EXCLUDED.process_version,
         channels = EXCLUDED.channels, published = EXCLUDED.published, electronic_result = EXCLUDED.electronic_result, e_form = EXCLUDED.e_form, updated_at = now()`,
      [toRecords(entries)],
    );
  }

  /** Inserts a new entry; false when the code is taken. */
  async insert(entry: Procedure): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`${INSERT} ON CONFLICT (code) DO NOTHING RETURNING code`, [
      toRecords([entry]),
    ]);
    return rows.length === 1;
  }

  /** Replaces an existing entry (same code); false when there is none. */
  async replace(entry: Procedure, manager: EntityManager | DataSource = this.db): Promise<boolean> {
    const [, affected] = await manager.query(
      `UPDATE procedures p SET name = r.name, field = r.field, level = r.level, legal_time = r.legal_time, fee = r.fee, fee_rules = r.fee_rules,
         required_documents = r.required_documents, form_templates = r.form_templates, process_key = r.process_key,
         process_version = r.process_version, channels = r.channels, published = r.published,
         electronic_result = COALESCE(r.electronic_result, false), e_form = r.e_form, updated_at = now()
       FROM ${RECORDSET} WHERE p.code = r.code`,
      [toRecords([entry])],
    );
    return affected === 1;
  }

  async list(filter: ProcedureFilter): Promise<{ items: Procedure[]; total: number }> {
    const where = ['true'];
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    if (filter.published !== undefined) where.push(`published = ${add(filter.published)}`);
    if (filter.field) where.push(`field = ${add(filter.field)}`);
    if (filter.level) where.push(`level = ${add(filter.level)}`);
    // Every word of the query in the name, field, code or process key, accents ignored and in any
    // order ("ho kinh doanh", "kinh doanh hộ", "dang ky" finds "Đăng ký"): procedures_search_idx.
    const words = searchWords(filter.q);
    for (const word of words) where.push(`${SEARCH_TEXT} LIKE ${add(foldedContains(word))}`);
    const clause = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM procedures WHERE ${clause}`, params);
    // The whole query as typed first, then the catalog order.
    const rank = words.length > 0 ? `${SEARCH_TEXT} LIKE ${add(foldedContains(words.join(' ')))} DESC, ` : '';
    const items = await this.db.query(
      `SELECT ${COLUMNS} FROM procedures WHERE ${clause} ORDER BY ${rank}field, name, code LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
      params,
    );
    return { items, total };
  }

  /** The fields (lĩnh vực) of the published catalog, each with its number of procedures: the public filter's choices. */
  publishedFields(): Promise<{ name: string; count: number }[]> {
    return this.db.query(
      `SELECT field AS name, count(*)::int AS count FROM procedures WHERE published GROUP BY field ORDER BY field`,
    );
  }

  /** Every entry, in catalog.json order (by code): the export. */
  all(): Promise<Procedure[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM procedures ORDER BY code`);
  }

  async findByCode(code: string, manager: EntityManager | DataSource = this.db): Promise<Procedure | undefined> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM procedures WHERE code = $1`, [code]);
    return rows[0];
  }

  /** Locks the entry until the caller's transaction ends (form uploads read-modify-write its templates). */
  async lock(manager: EntityManager, code: string): Promise<Procedure | undefined> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM procedures WHERE code = $1 FOR UPDATE`, [code]);
    return rows[0];
  }

  async setPublished(code: string, published: boolean): Promise<Procedure | undefined> {
    const rows = await this.db.query(
      `UPDATE procedures SET published = $2, updated_at = now() WHERE code = $1 RETURNING ${COLUMNS}`,
      [code, published],
    );
    return rows[0];
  }
}
