import { Injectable } from '@nestjs/common';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError, type AuthUser } from '../../../common/src';
import { DossiersRepository } from '../repositories/dossiers.repository';
import { DossiersService } from '../services/dossiers.service';
import { LookupKeyService } from '../services/lookup-key.service';
import { controlSlipDocument } from './control-slip.document';
import { lookupUrl, qrDataUrl } from './lookup-qr';
import { receiptDocument } from './receipt.document';

// pdfmake's own Roboto carries the Vietnamese diacritics. pdfmake is a process-wide singleton:
// it reads only its font files and fetches no URL (the QR is an inline data URL).
const FONT_DIR = join(require.resolve('pdfmake/package.json'), '..', 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

/** The printed forms of TT 01/2018/TT-VPCP as PDF, from `DossiersService.get` (same access rule, same 404). */
@Injectable()
export class FormsService {
  constructor(
    private readonly dossiers: DossiersService,
    private readonly rows: DossiersRepository,
    private readonly lookupKeys: LookupKeyService,
  ) {}

  /**
   * Form 01. With the lookup key (known only from the reception response) the QR opens the
   * dossier's status directly; a reprint without it carries the code only. A wrong key is
   * refused (400 `LOOKUP_KEY_INVALID`) rather than printed for the applicant to trust.
   */
  async receipt(code: string, user: AuthUser, lookupKey?: string): Promise<Buffer> {
    const detail = await this.dossiers.get(code, user);
    const key = lookupKey?.trim().toUpperCase() || undefined;
    if (key) {
      const row = await this.rows.findVisible(code, user);
      if (!row || !this.lookupKeys.matches(code, key, row.lookupKeyHash)) {
        throw AppError.badRequest('LOOKUP_KEY_INVALID', `The lookup key is not the one of dossier ${code}`);
      }
    }
    const url = lookupUrl(detail.code, key);
    const receivedByName = user.username === detail.receivedBy ? user.fullName : detail.receivedBy;
    return render(receiptDocument(detail, { qrDataUrl: await qrDataUrl(url), lookupUrl: url, lookupKey: key, receivedByName }));
  }

  /** Form 05, from the dossier's history (one row per handover). */
  async controlSlip(code: string, user: AuthUser, printedAt: Date): Promise<Buffer> {
    return render(controlSlipDocument(await this.dossiers.get(code, user), printedAt));
  }
}

function render(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(doc).getBuffer();
}
