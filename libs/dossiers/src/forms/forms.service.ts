import { Injectable } from '@nestjs/common';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError, renderPdf, type AuthUser } from '../../../common/src';
import { DossiersRepository } from '../repositories/dossiers.repository';
import { ControlSlipReader } from '../services/control-slip.reader';
import { DossiersService, type DossierDetail } from '../services/dossiers.service';
import { LookupKeyService } from '../services/lookup-key.service';
import { ProceduresService } from '../services/procedures.service';
import { apologyDocument } from './apology.document';
import { controlSlipDocument } from './control-slip.document';
import { apologyFacts, refusalFacts, supplementRequestFacts } from './form-events';
import { FormNamesReader } from './form-names.reader';
import type { LookupQr } from './form-parts';
import { withBreakableLongWords } from './long-words.layout';
import { LOOKUP_QR_IMAGE, lookupUrl, QR_PNG_OPTIONS } from './lookup-qr';
import { receiptDocument } from './receipt.document';
import { refusalDocument } from './refusal.document';
import { supplementRequestDocument } from './supplement-request.document';

/**
 * Where a refusal path's approver leaves the reason, read for Form 03 when the desk did not
 * refuse: `rejectionReason`, else `note` (the shipped `mc:form`s' "Ý kiến phê duyệt / lý do",
 * required for "Không đồng ý cấp"; the form is printed while the desk's return step is open).
 */
export const REJECTION_REASON_VARIABLES = ['rejectionReason', 'note'] as const;

/**
 * The printed forms of TT 01/2018/TT-VPCP as PDF, from `DossiersService.get` (same access rule,
 * same 404). A form whose event has not happened (no supplement request, not refused, no
 * apology) is 409 `FORM_NOT_APPLICABLE`.
 */
@Injectable()
export class FormsService {
  constructor(
    private readonly dossiers: DossiersService,
    private readonly rows: DossiersRepository,
    private readonly lookupKeys: LookupKeyService,
    private readonly procedures: ProceduresService,
    private readonly names: FormNamesReader,
    private readonly slips: ControlSlipReader,
  ) {}

  /**
   * Form 01. With the lookup key (known only from the reception response) the QR opens the
   * dossier's status directly; a reprint without it carries the code only.
   */
  async receipt(code: string, user: AuthUser, lookupKey?: string): Promise<Buffer> {
    const detail = await this.dossiers.get(code, user);
    const qr = await this.lookupQr(detail.code, user, lookupKey);
    const receivedByName = user.username === detail.receivedBy ? user.fullName : detail.receivedBy;
    return render(receiptDocument(detail, { ...qr, receivedByName }), qr);
  }

  /**
   * Form 01 for the citizen, by code and lookup key (the link an accepted online submission's SMS
   * carries, issue 18 item 3): 403 `LOOKUP_KEY_INVALID` without the right key, as the public result
   * download answers; the QR carries the key.
   */
  async citizenReceipt(code: string, lookupKey: string | undefined): Promise<Buffer> {
    const key = lookupKey?.trim().toUpperCase();
    const row = await this.rows.keyOf(code);
    if (!row) throw AppError.notFound('DOSSIER_NOT_FOUND', `Dossier ${code.slice(0, 64)} not found`);
    if (!key || !this.lookupKeys.matches(code, key, row.lookupKeyHash))
      throw new AppError(403, 'LOOKUP_KEY_INVALID', `The lookup key is not the one of dossier ${code}`);
    const desk: AuthUser = { id: '', username: '', fullName: '', unitId: '', unitCode: row.unitCode, roles: [] };
    const detail = await this.dossiers.get(code, desk);
    const names = await this.names.names([], [detail.receivedBy]);
    const qr = { qrImage: LOOKUP_QR_IMAGE, lookupUrl: lookupUrl(code, key), lookupKey: key };
    return render(receiptDocument(detail, { ...qr, receivedByName: names.person(detail.receivedBy) ?? '' }), qr);
  }

  /** Form 02, from the latest supplement request (what is missing, why, when; the clock paused). */
  async supplementRequest(code: string, user: AuthUser, lookupKey?: string): Promise<Buffer> {
    const detail = await this.dossiers.get(code, user);
    const request = supplementRequestFacts(detail.events);
    if (!request) throw notApplicable('02', detail, 'no supplement was requested');
    const procedure = await this.procedures.get(detail.procedureCode).catch(() => undefined);
    const documentName = (c: string) =>
      procedure?.requiredDocuments.find((doc) => doc.code === c)?.name ??
      detail.documents.find((doc) => doc.code === c)?.name ??
      c;
    const names = await this.names.names([], [request.actor]);
    const qr = await this.lookupQr(detail.code, user, lookupKey);
    return render(
      supplementRequestDocument(detail, {
        request,
        documentNames: request.documentCodes.map(documentName),
        officerName: names.person(request.actor) ?? '',
        qr,
      }),
      qr,
    );
  }

  /** Form 03, for a refused dossier (by the desk, or by the process's refusal path). */
  async refusal(code: string, user: AuthUser, lookupKey?: string): Promise<Buffer> {
    const detail = await this.dossiers.get(code, user);
    const refusal = refusalFacts(detail, await this.names.firstVariable(detail.instanceId, REJECTION_REASON_VARIABLES));
    if (!refusal) throw notApplicable('03', detail, 'the dossier was not refused');
    const names = await this.names.names([], [refusal.actor]);
    const qr = await this.lookupQr(detail.code, user, lookupKey);
    return render(refusalDocument(detail, { refusal, officerName: names.person(refusal.actor) ?? '', qr }), qr);
  }

  /** Form 04, from the latest apology with its new date, signed by the leader who sent it. */
  async apology(code: string, user: AuthUser, lookupKey?: string): Promise<Buffer> {
    const detail = await this.dossiers.get(code, user);
    const apology = apologyFacts(detail.events);
    if (!apology) throw notApplicable('04', detail, 'no apology was sent');
    const names = await this.names.names([], [apology.actor]);
    const qr = await this.lookupQr(detail.code, user, lookupKey);
    return render(apologyDocument(detail, { apology, leaderName: names.person(apology.actor) ?? '', qr }), qr);
  }

  /** Form 05, one row per handover with unit and officer names, rated around supplement pauses (`ControlSlipReader`). */
  async controlSlip(code: string, user: AuthUser, printedAt: Date): Promise<Buffer> {
    const detail = await this.dossiers.get(code, user);
    const history = await this.slips.history(detail, printedAt);
    const parties = history.flatMap((row) => [row.from, row.to]);
    const names = await this.names.names(
      parties.map((p) => p.unitCode),
      parties.map((p) => p.user),
    );
    return render(controlSlipDocument({ ...detail, history }, printedAt, names));
  }

  /**
   * The QR to the lookup page: with the key when the caller has it (the reception response, or
   * the citizen's receipt), the code only otherwise. A wrong key is refused (400
   * `LOOKUP_KEY_INVALID`) rather than printed for the applicant to trust.
   */
  private async lookupQr(code: string, user: AuthUser, lookupKey?: string): Promise<LookupQr> {
    const key = lookupKey?.trim().toUpperCase() || undefined;
    if (key) {
      const row = await this.rows.findVisible(code, user);
      if (!row || !this.lookupKeys.matches(code, key, row.lookupKeyHash)) {
        throw AppError.badRequest('LOOKUP_KEY_INVALID', `The lookup key is not the one of dossier ${code}`);
      }
    }
    const url = lookupUrl(code, key);
    return { qrImage: LOOKUP_QR_IMAGE, lookupUrl: url, lookupKey: key };
  }
}

/** 409 `FORM_NOT_APPLICABLE`: the form's event has not happened to this dossier. */
function notApplicable(form: string, d: DossierDetail, why: string): AppError {
  return AppError.conflict('FORM_NOT_APPLICABLE', `Form ${form} does not apply to dossier ${d.code}: ${why}`, {
    form,
    status: d.status,
  });
}

/**
 * Laid out, and the QR drawn, in a worker thread: a receipt with long unbroken names held the
 * event loop 230–370 ms, a third of it the QR's PNG (issue 15, item 1).
 */
function render(doc: TDocumentDefinitions, qr?: LookupQr): Promise<Buffer> {
  return renderPdf(withBreakableLongWords(doc), {
    qrImages: qr ? { [qr.qrImage]: { text: qr.lookupUrl, options: QR_PNG_OPTIONS } } : {},
  });
}
