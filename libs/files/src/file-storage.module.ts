import { Module } from '@nestjs/common';
import { filesConfig, type FilesConfig } from './files.config';
import { FILES_CONFIG } from './files.tokens';
import { DossierFilesRepository } from './repositories/dossier-files.repository';
import { DossierFilesReader } from './services/dossier-files.reader';
import { FileSweeper } from './services/file-sweeper.service';
import { FILE_STORAGE } from './storage/file-storage';
import { fileStorageFor } from './storage/file-storage.factory';

/**
 * The store and the `dossier_files` table without HTTP (ADR 0009): modules that reference files
 * (a step's opinion and its attachments) import this one; it depends on no other domain module.
 */
@Module({
  providers: [
    { provide: FILES_CONFIG, useFactory: () => filesConfig() },
    { provide: FILE_STORAGE, useFactory: (config: FilesConfig) => fileStorageFor(config), inject: [FILES_CONFIG] },
    DossierFilesRepository,
    DossierFilesReader,
    FileSweeper,
  ],
  exports: [FILES_CONFIG, FILE_STORAGE, DossierFilesRepository, DossierFilesReader],
})
export class FileStorageModule {}
