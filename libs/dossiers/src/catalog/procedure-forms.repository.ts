import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';

/** A blank form uploaded from the catalog page. */
export interface StoredForm {
  contentType: string;
  content: Buffer;
}

/** `procedure_forms`: form templates uploaded from the admin page (the shipped ones stay in processes/forms/). */
@Injectable()
export class ProcedureFormsRepository {
  constructor(private readonly db: DataSource) {}

  async put(manager: EntityManager, code: string, file: string, form: StoredForm, uploadedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO procedure_forms (procedure_code, file, content_type, content, uploaded_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (procedure_code, file) DO UPDATE SET content_type = EXCLUDED.content_type, content = EXCLUDED.content,
         uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()`,
      [code, file, form.contentType, form.content, uploadedBy],
    );
  }

  async get(code: string, file: string): Promise<StoredForm | undefined> {
    const rows: { contentType: string; content: Buffer }[] = await this.db.query(
      `SELECT content_type AS "contentType", content FROM procedure_forms WHERE procedure_code = $1 AND file = $2`,
      [code, file],
    );
    return rows[0];
  }

  async remove(manager: EntityManager, code: string, file: string): Promise<void> {
    await manager.query(`DELETE FROM procedure_forms WHERE procedure_code = $1 AND file = $2`, [code, file]);
  }
}
