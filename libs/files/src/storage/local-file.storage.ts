import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { link, mkdir, open, readdir, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../common/src';
import type { FileStorage, StoredBlob } from './file-storage';
import { HashingFileWriter } from './hashing-file.writer';

/** Partial writes live here until hard-linked into `objects/` (same file system, so the link is atomic). */
const TEMP = 'tmp';
const OBJECTS = 'objects';
const READ_CHUNK = 1024 * 1024;

/**
 * Blobs in a local directory (`FILES_DIR`): `objects/<key>`. A write goes to `tmp/<uuid>.part`,
 * is fsynced, then linked to its key (never replacing one), so a reader or a crash never sees
 * half a file at a key.
 */
export class LocalFileStorage implements FileStorage {
  readonly driver = 'local';
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    // Created at start so `npm start` needs nothing else (issue 16).
    mkdirSync(join(this.root, TEMP), { recursive: true });
    mkdirSync(join(this.root, OBJECTS), { recursive: true });
  }

  /** The path of a key, refusing keys that would leave `objects/` (keys are ours, but cheap to check). */
  pathOf(key: string): string {
    const base = join(this.root, OBJECTS);
    const path = resolve(base, key);
    if (!path.startsWith(base + sep)) throw new Error(`storage key outside the store: ${key}`);
    return path;
  }

  async put(key: string, body: Readable, ready?: Promise<unknown>): Promise<StoredBlob> {
    const target = this.pathOf(key);
    const temp = join(this.root, TEMP, `${randomUUID()}.part`);
    // Hashed, counted, written in batches and fdatasynced in one pass (bench/RESULTS.md, "Files"):
    // durable before the row that points at it commits (Postgres syncs the row, we sync the bytes).
    const writer = new HashingFileWriter(temp);
    try {
      // The .part is written while `ready` settles: a crash leaves it to the sweep of tmp/ by age.
      await pipeline(body, writer);
      await ready;
      await mkdir(dirname(target), { recursive: true });
      // link, not rename: it fails (EEXIST) rather than replace a blob, so no stored file is ever overwritten.
      await link(temp, target);
    } catch (error) {
      // Its descriptor closed first, so no write lands after the removal.
      if (!writer.closed) await new Promise((closed) => writer.once('close', closed));
      await rm(temp, { force: true });
      throw error;
    }
    // A crash before this leaves a .part beside a complete blob: the sweep removes the .part.
    await rm(temp, { force: true });
    return writer.measured();
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw blobMissing(key);
      throw error;
    });
    // 1 MB reads: a twentieth of the system calls of the 64 KB default (bench/RESULTS.md, "Files").
    return handle.createReadStream({ highWaterMark: READ_CHUNK });
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async sweepIncomplete(before: Date): Promise<number> {
    const dir = join(this.root, TEMP);
    let removed = 0;
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtime.getTime() < before.getTime()) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Every stored key (tests and the crash check compare them with the rows). */
  async keys(): Promise<string[]> {
    const base = join(this.root, OBJECTS);
    const entries = await readdir(base, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) =>
        join(e.parentPath, e.name)
          .slice(base.length + 1)
          .split(sep)
          .join('/'),
      );
  }
}

export function blobMissing(key: string): AppError {
  return new AppError(500, 'FILE_BLOB_MISSING', `The stored bytes of ${key} are missing`);
}
