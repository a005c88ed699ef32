import type { Readable } from 'node:stream';

/** What a stored blob measured while it was written. */
export interface StoredBlob {
  size: number;
  /** Lowercase hex SHA-256 of the bytes stored. */
  sha256: string;
}

/**
 * Where file contents live (ADR 0009): a local directory or an S3-compatible bucket. Keys are
 * chosen by the caller (`FileStorageKeys`); a blob is written once and never overwritten.
 */
export interface FileStorage {
  /** `local` or `s3`, for logs and /health. */
  readonly driver: string;
  /**
   * Streams `body` to `key` and measures it. Atomic: the blob appears at `key` only when every
   * byte is stored, and not before `ready` (the upload's in-flight row) has resolved, so bytes may
   * flow while that row is written; when `body` errors or `ready` rejects the partial write is
   * removed and the error is rethrown.
   */
  put(key: string, body: Readable, ready?: Promise<unknown>): Promise<StoredBlob>;
  /** The blob's bytes as a stream; rejects with `FILE_BLOB_MISSING` when there is none. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes a blob no row refers to (orphan cleanup only: files of a dossier are never deleted). A missing blob is no error. */
  delete(key: string): Promise<void>;
  /** Removes partial writes a crash left behind that began before `before` (local `.part` files, S3 multipart uploads). */
  sweepIncomplete(before: Date): Promise<number>;
}

/** Nest token of the configured {@link FileStorage}. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');
