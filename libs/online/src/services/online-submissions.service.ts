import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError, AUDIT_LOG, CLOCK, type AuditLog, type Clock } from '../../../common/src';
import { checkApplicant, ProceduresService, vietnamDay, type Procedure } from '../../../dossiers/src';
import { StagedFilesRepository, type StagedFile } from '../../../files/src';
import { preRegistrationCode } from '../domain/pre-registration-code';
import { notInState, transitionOf } from '../domain/online-submission.machine';
import { OnlineSubmissionsRepository, type SubmissionRow } from '../repositories/online-submissions.repository';
import { checkAnswers, checkDocumentFiles, onlineUnitOf } from './online-submission.rules';

/** The signed-in citizen (libs/citizens' `CurrentCitizen()`). */
export interface CitizenRef {
  citizenId: string;
  phone: string;
}

/** What the citizen sends: the applicant, the e-form's answers, the staged files. */
export interface SubmissionInput {
  applicant: { fullName?: string; idNumber?: string; email?: string; address?: string };
  answers?: Record<string, unknown>;
  files: string[];
}

/** A submission as its citizen and the desk see it. */
export interface SubmissionView {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  unitCode: string;
  status: SubmissionRow['status'];
  reason: string | null;
  rounds: number;
  dossierCode: string | null;
  applicant: SubmissionRow['applicant'];
  answers: SubmissionRow['answers'];
  files: StagedFile[];
  submittedAt: Date;
  updatedAt: Date;
}

/** Attempts at a fresh pre-registration code when a random one is taken (about one in 700 million). */
const CODE_ATTEMPTS = 3;

/**
 * The citizen's side of online submission (issue 18 item 3, ADR 0028): send, follow, resubmit after
 * a supplement request. A submission and the binding of its staged files are one transaction; a
 * retry under the same `Idempotency-Key` answers the first submission and creates nothing.
 */
@Injectable()
export class OnlineSubmissionsService {
  constructor(
    private readonly submissions: OnlineSubmissionsRepository,
    private readonly staged: StagedFilesRepository,
    private readonly procedures: ProceduresService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async submit(
    citizen: CitizenRef,
    procedureCode: string,
    input: SubmissionInput,
    idempotency: { key: string | undefined; requestHash: string },
  ): Promise<{ view: SubmissionView; replayed: boolean }> {
    if (idempotency.key) {
      const earlier = await this.submissions.byKey(citizen.citizenId, idempotency.key);
      if (earlier) return { view: await this.replay(earlier, idempotency.requestHash), replayed: true };
    }
    const procedure = await this.procedures.get(procedureCode);
    const unitCode = onlineUnitOf(procedure);
    const answers = checkAnswers(procedure, input.answers ?? {});
    const applicant = checkApplicant({ ...input.applicant, phone: citizen.phone });
    const key = idempotency.key ?? randomUUID();
    const now = this.clock.now();
    for (let attempt = 1; ; attempt++) {
      const id = randomUUID();
      const code = preRegistrationCode(vietnamDay(now));
      try {
        const inserted = await this.submissions.transaction(async (tx) => {
          const fresh = await this.submissions.insert(tx, {
            id,
            code,
            citizenId: citizen.citizenId,
            phone: applicant.phone,
            procedureCode: procedure.code,
            unitCode,
            applicant,
            answers,
            idempotencyKey: key,
            requestHash: idempotency.requestHash,
            at: now,
          });
          // A twin request under the same key committed first: nothing of ours is written.
          if (!fresh) return false;
          await this.bindFiles(tx, citizen, procedure, input.files, id, []);
          return true;
        });
        if (!inserted) {
          const twin = await this.submissions.byKey(citizen.citizenId, key);
          return { view: await this.replay(twin!, idempotency.requestHash), replayed: true };
        }
        break;
      } catch (error) {
        if (attempt < CODE_ATTEMPTS && isCodeTaken(error)) continue;
        throw error;
      }
    }
    const row = (await this.submissions.byKey(citizen.citizenId, key))!;
    await this.audit.record({
      actor: `citizen:${citizen.citizenId}`,
      action: 'online.submitted',
      subject: `online:${row.code}`,
      data: { procedureCode: procedure.code, unitCode, files: input.files.length },
    });
    return { view: await this.view(row, procedure), replayed: false };
  }

  /** The citizen's submissions, newest first (the "my dossiers" page lists them). */
  async mine(citizen: CitizenRef): Promise<{ items: SubmissionView[] }> {
    const rows = await this.submissions.ofCitizen(citizen.citizenId, 100);
    const names = new Map<string, Procedure>();
    for (const code of new Set(rows.map((r) => r.procedureCode)))
      names.set(code, await this.procedures.get(code).catch(() => undefined as unknown as Procedure));
    return { items: await Promise.all(rows.map((r) => this.view(r, names.get(r.procedureCode)))) };
  }

  /** One of the citizen's submissions; 404 `SUBMISSION_NOT_FOUND` for anyone else's. */
  async one(citizen: CitizenRef, id: string): Promise<SubmissionView> {
    return this.view(await this.own(citizen, id));
  }

  async own(citizen: CitizenRef, id: string): Promise<SubmissionRow> {
    const row = isUuid(id) ? await this.submissions.byId(id) : undefined;
    if (!row || row.citizenId !== citizen.citizenId) throw submissionNotFound(id);
    return row;
  }

  /**
   * After a supplement request: the citizen adds files (and may correct the answers) and sends it
   * back into the desk's queue, in one transaction; 409 `SUBMISSION_ALREADY_DECIDED` when it is not
   * waiting for them.
   */
  async resubmit(
    citizen: CitizenRef,
    id: string,
    input: { answers?: Record<string, unknown>; files: string[] },
  ): Promise<SubmissionView> {
    const row = await this.own(citizen, id);
    const { from, to } = transitionOf('resubmit');
    if (row.status !== from) throw notInState('resubmit', row.status);
    const procedure = await this.procedures.get(row.procedureCode);
    const answers = input.answers === undefined ? undefined : checkAnswers(procedure, input.answers);
    await this.submissions.transaction(async (tx) => {
      const moved = await this.submissions.move(tx, id, { from, to, answers, at: this.clock.now() });
      if (!moved) throw notInState('resubmit', (await this.submissions.byId(id))?.status ?? row.status);
      const earlier = (await this.staged.ofSubmission(id, tx)).map((f) => f.documentKey);
      await this.bindFiles(tx, citizen, procedure, input.files, id, earlier);
    });
    await this.audit.record({
      actor: `citizen:${citizen.citizenId}`,
      action: 'online.resubmitted',
      subject: `online:${row.code}`,
      data: { files: input.files.length },
    });
    return this.view((await this.submissions.byId(id))!, procedure);
  }

  /** Binds the staged files; 400 `STAGED_FILE_INVALID` for a file not the citizen's, of another procedure or already sent. */
  private async bindFiles(
    tx: Parameters<OnlineSubmissionsRepository['insert']>[0],
    citizen: CitizenRef,
    procedure: Procedure,
    ids: readonly string[],
    submissionId: string,
    earlierDocuments: readonly string[],
  ): Promise<void> {
    const wanted = [...new Set(ids)];
    if (wanted.some((f) => !isUuid(f)))
      throw AppError.badRequest('STAGED_FILE_INVALID', 'files must be ids of files uploaded for this procedure');
    const bound = wanted.length
      ? await this.staged.bind(tx, citizen.citizenId, procedure.code, wanted, submissionId)
      : [];
    if (bound.length !== wanted.length) {
      const found = new Set(bound.map((f) => f.id));
      throw AppError.badRequest(
        'STAGED_FILE_INVALID',
        'A file is not one you uploaded for this procedure, or was already sent',
        { files: wanted.filter((f) => !found.has(f)) },
      );
    }
    checkDocumentFiles(procedure, [...earlierDocuments, ...bound.map((f) => f.documentKey)]);
  }

  /** The first answer of a key, if this request is the same one; 409 `IDEMPOTENCY_KEY_REUSED` otherwise. */
  private async replay(row: SubmissionRow, requestHash: string): Promise<SubmissionView> {
    if (row.requestHash !== requestHash)
      throw AppError.conflict(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for another submission; send a new key for a new request',
      );
    return this.view(row);
  }

  async view(row: SubmissionRow, procedure?: Procedure): Promise<SubmissionView> {
    const [files, entry] = await Promise.all([
      this.staged.ofSubmission(row.id),
      procedure ?? this.procedures.get(row.procedureCode).catch(() => undefined),
    ]);
    return {
      id: row.id,
      code: row.code,
      procedureCode: row.procedureCode,
      procedureName: entry?.name ?? row.procedureCode,
      unitCode: row.unitCode,
      status: row.status,
      reason: row.reason,
      rounds: row.rounds,
      dossierCode: row.dossierCode,
      applicant: row.applicant,
      answers: row.answers,
      files,
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
    };
  }
}

export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export function submissionNotFound(id: string): AppError {
  return AppError.notFound('SUBMISSION_NOT_FOUND', `Online submission ${id.slice(0, 64)} not found`);
}

function isCodeTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'online_submissions_code_key';
}
