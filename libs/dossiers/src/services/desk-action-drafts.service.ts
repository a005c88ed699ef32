import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type AuthUser, type Clock } from '../../../common/src';
import { INSTANCE_VARIABLES_SQL } from '../../../workflow/src';
import { WorkingCalendarService } from '../../../worktime/src';
import { appointmentProposals, type AppointmentProposal } from '../domain/new-appointment.rules';
import { DossiersRepository } from '../repositories/dossiers.repository';
import { ProceduresRepository } from '../repositories/procedures.repository';
import { dossierNotFound } from './dossiers.service';

/** The open step drawn as the desk action, if the dossier waits at one. */
export type DeskStep = { taskId: string; name: string; action: string } | null;

/** `GET /api/dossiers/:code/supplement-draft`: what the "Yêu cầu bổ sung" dialog offers and prefills. */
export interface SupplementDraft {
  /** The procedure's listed documents, each with whether the desk received it. */
  documents: { code: string; name: string; kind: string; required: boolean; received: boolean }[];
  /** Codes to check at once: the `missingDocuments` an earlier step recorded, among the listed ones. */
  missing: string[];
  /** The reason to prefill: the opinion of the step that sent the dossier to the supplement step. */
  reason: string | null;
  step: DeskStep;
}

/** `GET /api/dossiers/:code/appointment-proposals`: the dates the apology dialog offers. */
export interface AppointmentProposals {
  appointmentAt: Date;
  proposals: AppointmentProposal[];
  step: DeskStep;
}

/** Instance variables an earlier step may leave for the supplement request (the form's `note`, or named ones). */
const REASON_VARIABLES = ['supplementReason', 'note'] as const;
const MISSING_VARIABLE = 'missingDocuments';

/** What the desk's dialogs propose before an action (ADR 0012); reads only, by the dossier's access rule. */
@Injectable()
export class DeskActionDraftsService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly procedures: ProceduresRepository,
    private readonly calendars: WorkingCalendarService,
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async supplementDraft(user: AuthUser, code: string): Promise<SupplementDraft> {
    const d = await this.dossiers.findVisible(code, user);
    if (!d) throw dossierNotFound(code);
    const [procedure, step] = await Promise.all([
      this.procedures.findByCode(d.procedureCode),
      this.dossiers.openDeskStep(d.instanceId, 'supplement'),
    ]);
    const received = new Set(d.documents.map((doc) => doc.code));
    const documents = (procedure?.requiredDocuments ?? []).map((doc) => ({
      code: doc.code,
      name: doc.name,
      kind: doc.kind,
      required: doc.required,
      received: received.has(doc.code),
    }));
    // Only a dossier sent to a drawn supplement step has an opinion meant for the citizen's request.
    const variables = step ? await this.variablesOf(step.instanceId) : {};
    const reason =
      REASON_VARIABLES.map((name) => variables[name]).find(
        (v): v is string => typeof v === 'string' && v.trim() !== '',
      ) ?? null;
    const listed = new Set(documents.map((doc) => doc.code));
    const missing = listOf(variables[MISSING_VARIABLE]).filter((c) => listed.has(c));
    return {
      documents,
      missing,
      reason,
      step: step ? { taskId: step.taskId, name: step.name, action: step.action } : null,
    };
  }

  private async variablesOf(instanceId: string): Promise<Record<string, unknown>> {
    const rows: { variables: Record<string, unknown> | null }[] = await this.db.query(INSTANCE_VARIABLES_SQL, [
      instanceId,
    ]);
    return rows[0]?.variables ?? {};
  }

  async appointmentProposals(user: AuthUser, code: string): Promise<AppointmentProposals> {
    const d = await this.dossiers.findVisible(code, user);
    if (!d) throw dossierNotFound(code);
    const [calendar, step] = await Promise.all([
      this.calendars.forUnit(d.unitCode),
      this.dossiers.openDeskStep(d.instanceId, 'apology'),
    ]);
    return {
      appointmentAt: d.appointmentAt,
      proposals: appointmentProposals(calendar, d.appointmentAt, this.clock.now()),
      step: step ? { taskId: step.taskId, name: step.name, action: step.action } : null,
    };
  }
}

/** A list variable as drawn: an array of codes, or a comma-separated text. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string')
    return value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  return [];
}
