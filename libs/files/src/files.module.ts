import { Module } from '@nestjs/common';
import { DossiersModule } from '../../dossiers/src';
import { IdempotencyKeysRepository } from '../../workflow/src';
import { DossierFilesController } from './controllers/dossier-files.controller';
import { FileStorageModule } from './file-storage.module';
import { DossierFilesService } from './services/dossier-files.service';
import { PublicResultsService } from './services/public-results.service';
import { StagedFilesService } from './services/staged-files.service';
import { StagedFilesRepository } from './repositories/staged-files.repository';
import { FileIntake } from './upload/file-intake';

/** Documents as files (issue 16): upload, list and download under the dossier's access rule. */
@Module({
  imports: [FileStorageModule, DossiersModule],
  controllers: [DossierFilesController],
  providers: [
    DossierFilesService,
    PublicResultsService,
    IdempotencyKeysRepository,
    FileIntake,
    StagedFilesService,
    StagedFilesRepository,
  ],
  exports: [FileStorageModule, PublicResultsService, StagedFilesService, StagedFilesRepository],
})
export class FilesModule {}
