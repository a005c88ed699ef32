import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AppError, AUDIT_LOG, CLOCK, type AuditLog, type AuthUser, type Clock } from '../../../common/src';
import { setting } from '../../../config/src';
import { DossierReceptionService, ProceduresService } from '../../../dossiers/src';
import { StagedFilesRepository, StagedFilesService, type StagedFile } from '../../../files/src';
import {
  notInState,
  transitionOf,
  type SubmissionAction,
  type SubmissionStatus,
} from '../domain/online-submission.machine';
import { OnlineSubmissionsRepository, type SubmissionRow } from '../repositories/online-submissions.repository';
import { checkDocumentFiles } from './online-submission.rules';
import { OnlinePaymentsService } from './online-payments.service';
import {
  isUuid,
  OnlineSubmissionsService,
  submissionNotFound,
  type SubmissionView,
} from './online-submissions.service';

/** What accepting answers: the submission, now accepted, and the dossier it became. */
export interface AcceptedSubmission {
  submission: SubmissionView;
  dossier: { code: string; appointmentAt: Date };
}

/**
 * The desk's queue of online submissions (issue 18 item 3): reception officers of the receiving
 * unit list, open, accept, ask for a supplement or refuse. Every decision moves the row only from
 * `waiting` (`UPDATE … WHERE status = 'waiting'`): of two officers at once, one wins and the other
 * gets 409 `SUBMISSION_ALREADY_DECIDED`. Accepting receives the dossier through the desk's own
 * reception (channel `online`, the appointment counted from now, Form 01) in the same transaction
 * that marks the submission accepted and copies its files to the dossier.
 */
@Injectable()
export class OnlineDeskService {
  constructor(
    private readonly submissions: OnlineSubmissionsRepository,
    private readonly citizenSide: OnlineSubmissionsService,
    private readonly staged: StagedFilesRepository,
    private readonly stagedFiles: StagedFilesService,
    private readonly reception: DossierReceptionService,
    private readonly procedures: ProceduresService,
    private readonly payments: OnlinePaymentsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async queue(user: AuthUser, query: { status?: SubmissionStatus; limit?: number; offset?: number }) {
    const page = await this.submissions.queue(
      user.unitCode,
      query.status ?? 'waiting',
      query.limit ?? 50,
      query.offset ?? 0,
    );
    return { items: await Promise.all(page.items.map((r) => this.citizenSide.view(r))), total: page.total };
  }

  async get(user: AuthUser, id: string): Promise<SubmissionView> {
    return this.citizenSide.view(await this.ofUnit(user, id));
  }

  /** A file of a submission of the caller's unit. */
  async file(user: AuthUser, id: string, fileId: string): Promise<{ file: StagedFile; body: Readable }> {
    await this.ofUnit(user, id);
    return this.stagedFiles.open(id, fileId);
  }

  async accept(user: AuthUser, id: string): Promise<AcceptedSubmission> {
    const row = await this.waiting(user, id, 'accept');
    const procedure = await this.procedures.get(row.procedureCode);
    const files = await this.staged.ofSubmission(id);
    const documents = checkDocumentFiles(
      procedure,
      files.map((f) => f.documentKey),
    );
    const { from, to } = transitionOf('accept');
    const received = await this.reception.receive(
      user,
      { procedureCode: row.procedureCode, applicant: row.applicant, channel: 'online', documents },
      async (tx, dossier) => {
        await this.submissions.setReceiptLink(tx, receiptLink(dossier.code, dossier.lookupKey));
        const moved = await this.submissions.move(tx, id, {
          from,
          to,
          decidedBy: user.username,
          dossierCode: dossier.code,
          at: this.clock.now(),
        });
        if (!moved) throw notInState('accept', (await this.submissions.byId(id, tx))?.status ?? row.status);
        await this.staged.copyToDossier(tx, id, dossier.code, user.username);
      },
    );
    await this.payments.follow(row.code, received.code);
    await this.record(user, 'accept', row, { dossierCode: received.code });
    const after = (await this.submissions.byId(id))!;
    return {
      submission: await this.citizenSide.view(after, procedure),
      dossier: { code: received.code, appointmentAt: received.appointmentAt },
    };
  }

  requestSupplement(user: AuthUser, id: string, reason: string): Promise<SubmissionView> {
    return this.decide(user, id, 'request-supplement', reason);
  }

  refuse(user: AuthUser, id: string, reason: string): Promise<SubmissionView> {
    return this.decide(user, id, 'refuse', reason);
  }

  private async decide(
    user: AuthUser,
    id: string,
    action: 'request-supplement' | 'refuse',
    reason: string,
  ): Promise<SubmissionView> {
    const text = reason.trim();
    if (!text) throw AppError.badRequest('REASON_REQUIRED', 'Give the citizen the reason');
    const row = await this.waiting(user, id, action);
    const { from, to } = transitionOf(action);
    const moved = await this.submissions.transaction((tx) =>
      this.submissions.move(tx, id, { from, to, reason: text, decidedBy: user.username, at: this.clock.now() }),
    );
    if (!moved) throw notInState(action, (await this.submissions.byId(id))?.status ?? row.status);
    await this.record(user, action, row, { reason: text });
    return this.citizenSide.view(moved);
  }

  /** The submission of the caller's unit, still waiting; 404 / 409 otherwise. */
  private async waiting(user: AuthUser, id: string, action: SubmissionAction): Promise<SubmissionRow> {
    const row = await this.ofUnit(user, id);
    if (row.status !== transitionOf(action).from) throw notInState(action, row.status);
    return row;
  }

  /** Submissions are the receiving unit's alone: another unit's reads as not found. */
  private async ofUnit(user: AuthUser, id: string): Promise<SubmissionRow> {
    const row = isUuid(id) ? await this.submissions.byId(id) : undefined;
    if (!row || row.unitCode !== user.unitCode) throw submissionNotFound(id);
    return row;
  }

  private record(user: AuthUser, action: SubmissionAction, row: SubmissionRow, data: Record<string, unknown>) {
    return this.audit.record({
      actor: user.username,
      action: `online.${action}`,
      subject: `online:${row.code}`,
      data: { procedureCode: row.procedureCode, ...data },
    });
  }
}

/** Form 01 as a PDF, opened with the dossier's code and lookup key (the SMS of an accepted submission). */
export function receiptLink(code: string, lookupKey: string): string {
  const base = (setting('PUBLIC_URL') ?? '').replace(/\/+$/, '');
  return `${base}/api/public/dossiers/${encodeURIComponent(code)}/receipt.pdf?key=${lookupKey}`;
}
