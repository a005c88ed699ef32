import { Module } from '@nestjs/common';
import { DossiersModule } from '../../dossiers/src';
import { FilesModule } from '../../files/src';
import { PaymentsModule } from '../../payments/src';
import { OnlineCitizenController } from './controllers/online-citizen.controller';
import { OnlineDeskController } from './controllers/online-desk.controller';
import { OnlineSubmissionsRepository } from './repositories/online-submissions.repository';
import { OnlineDeskService } from './services/online-desk.service';
import { OnlinePaymentsService } from './services/online-payments.service';
import { OnlineSubmissionsService } from './services/online-submissions.service';

/**
 * Online submission (issue 18 item 3, ADR 0028): the citizen's e-form, staged files and
 * submission; the desk's queue that accepts (through the desk's reception), asks for a supplement
 * or refuses. SMS go through the outbox's triggers (libs/tracking sends them).
 */
@Module({
  imports: [DossiersModule, FilesModule, PaymentsModule],
  controllers: [OnlineCitizenController, OnlineDeskController],
  providers: [OnlineSubmissionsRepository, OnlineSubmissionsService, OnlineDeskService, OnlinePaymentsService],
  exports: [OnlineSubmissionsService],
})
export class OnlineModule {}
