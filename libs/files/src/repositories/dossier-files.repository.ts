import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DOSSIER_FILE_CONTEXT_SQL } from '../../../dossiers/src';
import { COMPLETE_IN_PROGRESS_KEY_SQL, TASK_STATUS_SQL } from '../../../workflow/src';
import type { FileKind } from '../domain/file-kind.rules';

/** A row of `dossier_files`: what the API answers (`storageKey` stays inside). */
export interface DossierFileRow {
  id: string;
  dossierCode: string;
  kind: FileKind;
  documentKey: string | null;
  taskId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  uploadedAt: Date;
}

/** What the upload and access rules need to know of a dossier, in one read. */
export interface DossierFileContext {
  code: string;
  status: string;
  instanceId: string | null;
  lookupKeyHash: string;
  documentKeys: string[];
  electronicResult: boolean;
  /** The applicant's phone, normalised (`0` + 9 digits): a signed-in citizen with this phone owns the dossier. */
  applicantPhone: string | null;
}

/** The `Idempotency-Key` reservation an upload holds, and the answer to store with its commit. */
export interface KeyedAnswer {
  userId: string;
  key: string;
  attempt: string;
  status: number;
  body: string;
}

export interface FileFilter {
  kind?: FileKind;
  taskId?: string;
  ids?: readonly string[];
}

const COLUMNS = `id, dossier_code AS "dossierCode", kind, document_key AS "documentKey", task_id AS "taskId", file_name AS "fileName",
  content_type AS "contentType", size::float8 AS size, sha256, storage_key AS "storageKey", uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"`;

/** `dossier_files` (append-only) and `file_uploads` (uploads in flight). */
@Injectable()
export class DossierFilesRepository {
  constructor(private readonly db: DataSource) {}

  async context(code: string): Promise<DossierFileContext | undefined> {
    const rows = await this.db.query(DOSSIER_FILE_CONTEXT_SQL, [code]);
    return rows[0];
  }

  /** The task's status if it is a step of `instanceId`. */
  async taskStatus(instanceId: string, taskId: string): Promise<string | undefined> {
    const rows = await this.db.query(TASK_STATUS_SQL, [taskId, instanceId]);
    return rows[0]?.status;
  }

  /** Records an upload before its first byte is stored: from now until {@link commit} the sweep may remove its blob. */
  async begin(id: string, storageKey: string, dossierCode: string): Promise<void> {
    await this.db.query(`INSERT INTO file_uploads (id, storage_key, dossier_code) VALUES ($1, $2, $3)`, [
      id,
      storageKey,
      dossierCode,
    ]);
  }

  async abandon(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.db.query(`DELETE FROM file_uploads WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * One transaction: the uploads leave `file_uploads` and their rows enter `dossier_files`, all or
   * none. `swept` (nothing written) when a sweep took one of them first: its blob is gone. With
   * `key`, the request's `Idempotency-Key` is completed with its answer in the same commit;
   * `key-lost` (nothing written) when this attempt no longer holds it.
   */
  async commit(rows: readonly DossierFileRow[], key?: KeyedAnswer): Promise<'committed' | 'swept' | 'key-lost'> {
    return this.db
      .transaction(async (manager) => {
        const ids = rows.map((r) => r.id);
        const [{ n }]: { n: number }[] = await manager.query(
          `WITH gone AS (DELETE FROM file_uploads WHERE id = ANY($1::uuid[]) RETURNING id) SELECT count(*)::int AS n FROM gone`,
          [ids],
        );
        if (n !== rows.length) throw new SweptUpload();
        await manager.query(
          `INSERT INTO dossier_files (id, dossier_code, kind, document_key, task_id, file_name, content_type, size, sha256, storage_key, uploaded_by, uploaded_at)
         SELECT r.id, r.dossier_code, r.kind, r.document_key, r.task_id, r.file_name, r.content_type, r.size, r.sha256, r.storage_key, r.uploaded_by, r.uploaded_at
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, dossier_code text, kind text, document_key text, task_id uuid, file_name text,
             content_type text, size bigint, sha256 text, storage_key text, uploaded_by text, uploaded_at timestamptz)`,
          [
            JSON.stringify(
              rows.map((r) => ({
                id: r.id,
                dossier_code: r.dossierCode,
                kind: r.kind,
                document_key: r.documentKey,
                task_id: r.taskId,
                file_name: r.fileName,
                content_type: r.contentType,
                size: r.size,
                sha256: r.sha256,
                storage_key: r.storageKey,
                uploaded_by: r.uploadedBy,
                uploaded_at: r.uploadedAt,
              })),
            ),
          ],
        );
        if (key) {
          const [{ marked }]: { marked: number }[] = await manager.query(COMPLETE_IN_PROGRESS_KEY_SQL, [
            key.userId,
            key.key,
            key.attempt,
            key.status,
            key.body,
          ]);
          if (marked !== 1) throw new KeyLost();
        }
        return 'committed' as const;
      })
      .catch((error) => {
        if (error instanceof SweptUpload) return 'swept' as const;
        if (error instanceof KeyLost) return 'key-lost' as const;
        throw error;
      });
  }

  /** The dossier's files, oldest first. */
  async list(dossierCode: string, filter: FileFilter = {}): Promise<DossierFileRow[]> {
    const where = ['dossier_code = $1'];
    const params: unknown[] = [dossierCode];
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    if (filter.taskId) where.push(`task_id = $${params.push(filter.taskId)}`);
    if (filter.ids) where.push(`id = ANY($${params.push(filter.ids)}::uuid[])`);
    return this.db.query(
      `SELECT ${COLUMNS} FROM dossier_files WHERE ${where.join(' AND ')} ORDER BY uploaded_at, id`,
      params,
    );
  }

  async find(dossierCode: string, id: string): Promise<DossierFileRow | undefined> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM dossier_files WHERE dossier_code = $1 AND id = $2`, [
      dossierCode,
      id,
    ]);
    return rows[0];
  }

  /**
   * Uploads begun more than `staleAfterMs` ago (database time) and never committed (their process died): each is locked, its
   * blob removed by `removeBlob`, then its row deleted, in one transaction per upload. A commit
   * racing the sweep waits for the lock and then finds its upload gone.
   */
  async sweepStale(
    staleAfterMs: number,
    removeBlob: (storageKey: string) => Promise<void>,
    limit = 100,
  ): Promise<number> {
    let removed = 0;
    for (;;) {
      const swept = await this.db.transaction(async (manager) => {
        const [row]: { id: string; storage_key: string }[] = await manager.query(
          `SELECT id, storage_key FROM file_uploads WHERE started_at < now() - make_interval(secs => $1::float8 / 1000)
            ORDER BY started_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [staleAfterMs],
        );
        if (!row) return false;
        await removeBlob(row.storage_key);
        await manager.query(`DELETE FROM file_uploads WHERE id = $1`, [row.id]);
        return true;
      });
      if (!swept || ++removed >= limit) return removed;
    }
  }
}

/** How long a citizen's staged file waits for its submission before the sweep takes it (issue 18 item 3). */
export const STAGED_FILE_LIFETIME_MS = 24 * 3_600_000;

/**
 * Staged files (`staged_files`) no submission bound within `olderThanMs` (database time): each is locked
 * (`SKIP LOCKED`: a submission binding it at that moment keeps it), its blob removed, then its row, one
 * transaction per file. A submission that comes later finds it gone (400 STAGED_FILE_INVALID).
 */
export async function sweepUnboundStaged(
  db: DataSource,
  olderThanMs: number,
  removeBlob: (storageKey: string) => Promise<void>,
  limit = 1_000,
): Promise<number> {
  let removed = 0;
  while (removed < limit) {
    const swept = await db.transaction(async (manager) => {
      const [row]: { id: string; storage_key: string }[] = await manager.query(
        `SELECT id, storage_key FROM staged_files WHERE submission_id IS NULL AND uploaded_at < now() - make_interval(secs => $1::float8 / 1000)
          ORDER BY uploaded_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [olderThanMs],
      );
      if (!row) return false;
      await removeBlob(row.storage_key);
      await manager.query(`DELETE FROM staged_files WHERE id = $1`, [row.id]);
      return true;
    });
    if (!swept) break;
    removed++;
  }
  return removed;
}

class SweptUpload extends Error {}
/** The upload's Idempotency-Key reservation was taken over (its lease ran out): commit nothing. */
class KeyLost extends Error {}
