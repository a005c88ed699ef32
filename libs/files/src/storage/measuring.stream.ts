import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { StoredBlob } from './file-storage';

/** A pass-through that counts and hashes what flows through it (both drivers store through one). */
export class MeasuringStream extends Transform {
  private readonly hash = createHash('sha256');
  // Not `size`: lib-storage reads `Body.size` as the body's length.
  private counted = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.counted += chunk.length;
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** Valid once the stream has ended. */
  measured(): StoredBlob {
    return { size: this.counted, sha256: this.hash.digest('hex') };
  }
}
