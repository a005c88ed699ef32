import { Module } from '@nestjs/common';
import { WorkflowModule } from '../../workflow/src';
import { ProcedureAdminService } from './catalog/procedure-admin.service';
import { ProcedureCatalogLoader } from './catalog/procedure-catalog.loader';
import { ProcedureFormsRepository } from './catalog/procedure-forms.repository';
import { AdminProceduresController } from './controllers/admin-procedures.controller';
import { DossiersController } from './controllers/dossiers.controller';
import { FormsController } from './forms/forms.controller';
import { FormNamesReader } from './forms/form-names.reader';
import { FormsService } from './forms/forms.service';
import { ProceduresController } from './controllers/procedures.controller';
import { DossierInboxSubject } from './repositories/dossier-inbox-subject';
import { DossiersRepository } from './repositories/dossiers.repository';
import { ProceduresRepository } from './repositories/procedures.repository';
import { AppointmentReminderHandler } from './services/appointment-reminder.handler';
import { AppointmentReminderScheduler } from './services/appointment-reminder.scheduler';
import { ControlSlipReader } from './services/control-slip.reader';
import { DeskActionDraftsService } from './services/desk-action-drafts.service';
import { DossierActionsService } from './services/dossier-actions.service';
import { DossierReceptionService } from './services/dossier-reception.service';
import { DossierStatusProjection } from './services/dossier-status.projection';
import { DossiersService } from './services/dossiers.service';
import { DossierPayments } from './services/dossier-payments.port';
import { LookupKeyService } from './services/lookup-key.service';
import { ProceduresService } from './services/procedures.service';
import { ReceptionGate } from './services/reception.gate';

/**
 * The one-stop domain (DESIGN §4): procedures catalog, reception, one-stop actions and the
 * `dossier_status` projection. Needs the global identity (units, audit), worktime (calendars)
 * and clock modules.
 */
@Module({
  imports: [WorkflowModule],
  controllers: [ProceduresController, DossiersController, FormsController, AdminProceduresController],
  providers: [
    ProceduresRepository,
    DossiersRepository,
    DossierInboxSubject,
    ProcedureCatalogLoader,
    ProcedureFormsRepository,
    ProcedureAdminService,
    ProceduresService,
    LookupKeyService,
    ReceptionGate,
    DossierReceptionService,
    DossiersService,
    DossierActionsService,
    DeskActionDraftsService,
    DossierStatusProjection,
    AppointmentReminderScheduler,
    AppointmentReminderHandler,
    FormNamesReader,
    ControlSlipReader,
    FormsService,
    DossierPayments,
  ],
  exports: [
    ProceduresService,
    DossiersService,
    LookupKeyService,
    DossierReceptionService,
    FormsService,
    DossierPayments,
  ],
})
export class DossiersModule {}
