import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

/**
 * Deletes idempotency keys past their 24 hours, hourly on each server (the DELETE is idempotent,
 * so servers need no coordination). Reads also treat an expired key as free.
 */
@Injectable()
export class IdempotencyKeysPurger {
  private readonly logger = new Logger(IdempotencyKeysPurger.name);

  constructor(private readonly keys: IdempotencyKeysRepository) {}

  @Interval(3_600_000)
  async tick(): Promise<void> {
    try {
      await this.purge();
    } catch (error) {
      this.logger.warn(`idempotency key purge failed: ${(error as Error).message}`);
    }
  }

  /** One purge; returns the number of keys deleted. */
  purge(): Promise<number> {
    return this.keys.purgeExpired();
  }
}
