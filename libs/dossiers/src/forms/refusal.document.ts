import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DossierDetail } from '../services/dossiers.service';
import type { RefusalFacts } from './form-events';
import {
  applicantLines,
  labelled,
  lookupNote,
  portraitForm,
  qrColumn,
  signatureBlock,
  type LookupQr,
} from './form-parts';
import { vietnamDateTime } from './vietnam-time.format';

/** Form 03 needs, beyond the dossier: the refusal and the name of the officer who signs. */
export interface RefusalForm {
  refusal: RefusalFacts;
  officerName: string;
  qr: LookupQr;
}

/** Form 03 of TT 01/2018/TT-VPCP: Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the specific reason. */
export function refusalDocument(d: DossierDetail, f: RefusalForm): TDocumentDefinitions {
  return portraitForm(d, f.refusal.at, 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', [
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: `Bộ phận tiếp nhận và trả kết quả ${d.unitName} tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 2] },
            ...applicantLines(d.applicant),
          ],
        },
        qrColumn(f.qr.qrImage, d.code, f.qr.lookupKey),
      ],
      columnGap: 10,
    },
    labelled('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`),
    labelled('Thời gian nhận hồ sơ', vietnamDateTime(d.receivedAt)),
    {
      text: `Qua xem xét, ${d.unitName} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
      margin: [0, 8, 0, 2],
    },
    {
      text: f.refusal.reason ?? 'Hồ sơ không được phê duyệt (lý do ghi trong văn bản trả lời kèm theo).',
      bold: true,
      margin: [12, 0, 0, 4],
    },
    labelled('Thời điểm từ chối', vietnamDateTime(f.refusal.at)),
    { text: 'Xin thông báo để Ông/Bà được biết và thực hiện./.', margin: [0, 6, 0, 0] },
    ...lookupNote(f.qr),
    { columns: [{ text: '' }, signatureBlock('NGƯỜI TIẾP NHẬN HỒ SƠ', f.officerName)] },
  ]);
}
