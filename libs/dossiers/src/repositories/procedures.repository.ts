import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Procedure } from '../domain/procedure.types';

const COLUMNS = `code, name, field, level, legal_time AS "legalTime", fee, fee_rules AS "feeRules",
  required_documents AS "requiredDocuments", form_templates AS "formTemplates", process_key AS "processKey", channels, published`;

/** The `procedures` table: the catalog as loaded from processes/catalog.json. */
@Injectable()
export class ProceduresRepository {
  constructor(private readonly db: DataSource) {}

  async upsert(entries: readonly Procedure[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO procedures (code, name, field, level, legal_time, fee, fee_rules, required_documents, form_templates, process_key, channels, published, updated_at)
       SELECT r.code, r.name, r.field, r.level, r.legal_time, r.fee, r.fee_rules, r.required_documents, r.form_templates, r.process_key, r.channels, r.published, now()
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, field text, level text, legal_time jsonb, fee integer, fee_rules text,
         required_documents jsonb, form_templates jsonb, process_key text, channels text[], published boolean)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, field = EXCLUDED.field, level = EXCLUDED.level, legal_time = EXCLUDED.legal_time,
         fee = EXCLUDED.fee, fee_rules = EXCLUDED.fee_rules, required_documents = EXCLUDED.required_documents,
         form_templates = EXCLUDED.form_templates, process_key = EXCLUDED.process_key, channels = EXCLUDED.channels,
         published = EXCLUDED.published, updated_at = now()`,
      [
        JSON.stringify(
          entries.map((e) => ({
            code: e.code, name: e.name, field: e.field, level: e.level, legal_time: e.legalTime, fee: e.fee, fee_rules: e.feeRules,
            required_documents: e.requiredDocuments, form_templates: e.formTemplates, process_key: e.processKey, channels: e.channels, published: e.published,
          })),
        ),
      ],
    );
  }

  async list(query: { field?: string; q?: string; limit: number; offset: number }): Promise<{ items: Procedure[]; total: number }> {
    const where = [`published`];
    const params: unknown[] = [];
    if (query.field) {
      params.push(query.field);
      where.push(`field = $${params.length}`);
    }
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(name ILIKE $${params.length} OR code ILIKE $${params.length})`);
    }
    const filter = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM procedures WHERE ${filter}`, params);
    const items = await this.db.query(
      `SELECT ${COLUMNS} FROM procedures WHERE ${filter} ORDER BY field, name LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return { items, total };
  }

  async findByCode(code: string): Promise<Procedure | undefined> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM procedures WHERE code = $1`, [code]);
    return rows[0];
  }
}
