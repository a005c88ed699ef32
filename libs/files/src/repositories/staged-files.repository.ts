import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IntakenBlob } from '../upload/file-intake';

/** A file a citizen uploaded before submitting (issue 18 item 3). */
export interface StagedFile {
  id: string;
  procedureCode: string;
  documentKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

const COLUMNS = `id, procedure_code AS "procedureCode", document_key AS "documentKey", file_name AS "fileName",
  content_type AS "contentType", size::float8 AS size, sha256, uploaded_at AS "uploadedAt"`;

/** A transaction's SQL (CommandTx of libs/workflow has it). */
export interface RowsTx {
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** `staged_files`: a citizen's uploads, unbound, bound to a submission, then copied to the dossier's files. */
@Injectable()
export class StagedFilesRepository {
  private readonly auto: RowsTx;

  constructor(private readonly db: DataSource) {
    this.auto = { rows: (sql, params) => db.query(sql, params) };
  }

  /** The uploads leave `file_uploads` and enter `staged_files`, all or none; false when the sweep took one first. */
  async commit(
    owner: string,
    procedureCode: string,
    documentKey: string,
    blobs: readonly IntakenBlob[],
    at: Date,
  ): Promise<boolean> {
    return this.db
      .transaction(async (tx) => {
        const [{ n }]: { n: number }[] = await tx.query(
          `WITH gone AS (DELETE FROM file_uploads WHERE id = ANY($1::uuid[]) RETURNING id) SELECT count(*)::int AS n FROM gone`,
          [blobs.map((b) => b.id)],
        );
        if (n !== blobs.length) throw new SweptStage();
        await tx.query(
          `INSERT INTO staged_files (id, owner, procedure_code, document_key, file_name, content_type, size, sha256, storage_key, uploaded_at)
         SELECT r.id, $2, $3, $4, r.file_name, r.content_type, r.size, r.sha256, r.storage_key, $5
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, file_name text, content_type text, size bigint, sha256 text, storage_key text)`,
          [
            JSON.stringify(
              blobs.map((b) => ({
                id: b.id,
                file_name: b.fileName,
                content_type: b.contentType,
                size: b.size,
                sha256: b.sha256,
                storage_key: b.storageKey,
              })),
            ),
            owner,
            procedureCode,
            documentKey,
            at,
          ],
        );
        return true;
      })
      .catch((error) => {
        if (error instanceof SweptStage) return false;
        throw error;
      });
  }

  /**
   * Binds the owner's unbound files `ids` of `procedureCode` to a submission, inside its
   * transaction; answers the bound files (fewer than `ids` when one is not the owner's, of another
   * procedure, or already bound).
   */
  async bind(
    tx: RowsTx,
    owner: string,
    procedureCode: string,
    ids: readonly string[],
    submissionId: string,
  ): Promise<StagedFile[]> {
    return tx.rows(
      `UPDATE staged_files SET submission_id = $4
        WHERE id = ANY($3::uuid[]) AND owner = $1 AND procedure_code = $2 AND submission_id IS NULL RETURNING ${COLUMNS}`,
      [owner, procedureCode, ids, submissionId],
    );
  }

  async ofSubmission(submissionId: string, tx: RowsTx = this.auto): Promise<StagedFile[]> {
    return tx.rows(`SELECT ${COLUMNS} FROM staged_files WHERE submission_id = $1 ORDER BY uploaded_at, id`, [
      submissionId,
    ]);
  }

  async find(submissionId: string, id: string): Promise<(StagedFile & { storageKey: string }) | undefined> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS}, storage_key AS "storageKey" FROM staged_files WHERE submission_id = $1 AND id = $2`,
      [submissionId, id],
    );
    return rows[0];
  }

  /** The submission's files become the dossier's document files (same blobs), in the accepting transaction. */
  async copyToDossier(tx: RowsTx, submissionId: string, dossierCode: string, uploadedBy: string): Promise<number> {
    const rows: unknown[] = await tx.rows(
      `INSERT INTO dossier_files (id, dossier_code, kind, document_key, task_id, file_name, content_type, size, sha256, storage_key, uploaded_by, uploaded_at)
       SELECT gen_random_uuid(), $2, 'document', s.document_key, NULL, s.file_name, s.content_type, s.size, s.sha256, s.storage_key, $3, s.uploaded_at
         FROM staged_files s WHERE s.submission_id = $1 RETURNING id`,
      [submissionId, dossierCode, uploadedBy],
    );
    return rows.length;
  }
}

class SweptStage extends Error {}
