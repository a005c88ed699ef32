import { createHash } from 'node:crypto';
import { close, fdatasync, open, writev } from 'node:fs';
import { Writable } from 'node:stream';
import type { StoredBlob } from './file-storage';

/** Chunks are gathered until this many bytes, then written in one `writev` (bench/RESULTS.md, "Files"). */
export const WRITE_BATCH_BYTES = 256 * 1024;

/**
 * Writes a stream to a new file (`wx`: never one that exists) and measures it in the same pass:
 * each chunk is hashed (SHA-256) and counted as it arrives, and the chunks are written in batches
 * of about {@link WRITE_BATCH_BYTES} with one `writev` each — no copy into a bigger buffer, a few
 * system calls for 20 MB instead of one per 64 KB socket read. Holds at most one batch plus
 * one socket read per file: the stream's own buffer is kept small, so a slow disk pauses the
 * sender rather than filling memory. `finish` means durable: the last batch is written
 * and the file `fdatasync`ed (the data and its size, as Postgres syncs its WAL) before it. The
 * descriptor is closed when the stream is destroyed (at the end, or on error), never while a
 * write is in flight.
 */
export class HashingFileWriter extends Writable {
  private readonly hash = createHash('sha256');
  private fd = -1;
  private counted = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The `writev` in flight, if any. */
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {
    super({ highWaterMark: 64 * 1024 });
  }

  override _construct(done: (error?: Error | null) => void): void {
    open(this.path, 'wx', 0o644, (error, fd) => {
      if (error) return done(error);
      this.fd = fd;
      done();
    });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.take(chunk);
    if (this.pendingBytes >= WRITE_BATCH_BYTES) this.flushPending(done);
    else done();
  }

  override _writev(chunks: { chunk: Buffer }[], done: (error?: Error | null) => void): void {
    for (const { chunk } of chunks) this.take(chunk);
    if (this.pendingBytes >= WRITE_BATCH_BYTES) this.flushPending(done);
    else done();
  }

  override _final(done: (error?: Error | null) => void): void {
    const sync = (error?: Error | null) => (error ? done(error) : fdatasync(this.fd, (e) => done(e)));
    if (this.pendingBytes > 0) this.flushPending(sync);
    else sync();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    void this.inFlight.then(() => {
      if (this.fd < 0) return done(error);
      const fd = this.fd;
      this.fd = -1;
      close(fd, (closeError) => done(error ?? closeError));
    });
  }

  /** Valid once the stream has finished. */
  measured(): StoredBlob {
    return { size: this.counted, sha256: this.hash.digest('hex') };
  }

  private take(chunk: Buffer): void {
    this.hash.update(chunk);
    this.counted += chunk.length;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
  }

  private flushPending(done: (error?: Error | null) => void): void {
    const buffers = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    // libuv's writev goes on after a short write and splits past IOV_MAX buffers.
    this.inFlight = new Promise((settle) => {
      writev(this.fd, buffers, null, (error) => {
        settle();
        done(error);
      });
    });
  }
}
