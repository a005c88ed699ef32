import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { FilesConfig } from '../files.config';
import { FILES_CONFIG } from '../files.tokens';
import { DataSource } from 'typeorm';
import {
  DossierFilesRepository,
  STAGED_FILE_LIFETIME_MS,
  sweepUnboundStaged,
} from '../repositories/dossier-files.repository';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';

/**
 * Removes what dead uploads left (ADR 0009): blobs of `file_uploads` rows older than
 * `FILES_STALE_AFTER_MS`, and the store's own partial writes. Runs at start and every
 * `FILES_SWEEP_INTERVAL_MS` in each process; concurrent sweeps skip each other's rows. Also a citizen's
 * staged files no online submission bound within a day (issue 18 item 3).
 */
@Injectable()
export class FileSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FileSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly files: DossierFilesRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(FILES_CONFIG) private readonly config: FilesConfig,
    private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweepNow().catch((error) =>
      this.logger.error(`file sweep at start failed: ${(error as Error).message}`),
    );
    if (this.config.sweepIntervalMs > 0) {
      this.timer = setInterval(
        () => void this.sweepNow().catch((error) => this.logger.warn(`file sweep failed: ${(error as Error).message}`)),
        this.config.sweepIntervalMs,
      );
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One sweep (one at a time per process); how many blobs and partial writes it removed. */
  sweepNow(): Promise<number> {
    this.running ??= this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(): Promise<number> {
    const stale = this.config.staleAfterMs;
    const blobs = await this.files.sweepStale(stale, (key) => this.storage.delete(key), Number.MAX_SAFE_INTEGER);
    const partials = await this.storage.sweepIncomplete(new Date(Date.now() - stale));
    // A citizen's files never submitted (issue 18 item 3): kept a day, then removed like dead uploads.
    const staged = await sweepUnboundStaged(this.db, STAGED_FILE_LIFETIME_MS, (key) => this.storage.delete(key));
    if (blobs + partials + staged > 0)
      this.logger.log(
        `file sweep removed ${blobs} blobs of dead uploads, ${partials} partial writes and ${staged} staged files never submitted`,
      );
    return blobs + partials + staged;
  }
}
