import { Injectable } from '@nestjs/common';
import { setting } from '../../../config/src';

/**
 * Bounds the receptions one process runs at once. A reception holds the unit's day counter row
 * locked until commit, and the workflow facade it calls inside that transaction reads through
 * other pool connections (definitions, unit directory). Unbounded, a burst at one unit fills
 * the pool with transactions waiting on the counter while the one holding it waits for a
 * connection: a deadlock. Keeping in-flight receptions well under the pool size (`DB_POOL_SIZE`,
 * default 20) always leaves connections free; the counter serialises them anyway.
 */
@Injectable()
export class ReceptionGate {
  private readonly limit = Math.max(1, Math.floor(setting('DB_POOL_SIZE') / 4));
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
