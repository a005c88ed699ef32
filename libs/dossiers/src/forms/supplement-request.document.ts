import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DossierDetail } from '../services/dossiers.service';
import type { SupplementRequestFacts } from './form-events';
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

/** Form 02 needs, beyond the dossier: the request, the names of the requested documents and of the officer. */
export interface SupplementRequestForm {
  request: SupplementRequestFacts;
  documentNames: string[];
  officerName: string;
  qr: LookupQr;
}

/**
 * Form 02 of TT 01/2018/TT-VPCP: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. It says what is
 * missing and why, when it was asked, and that the clock stops until the supplement comes
 * (NĐ 61/2018 Art. 19; DOMAIN "A supplement request pauses the clock").
 */
export function supplementRequestDocument(d: DossierDetail, f: SupplementRequestForm): TDocumentDefinitions {
  const items = f.documentNames.length ? f.documentNames : [f.request.reason || '—'];
  return portraitForm(d, f.request.at, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', [
    {
      columns: [
        { width: '*', stack: [{ text: 'Hồ sơ của:', margin: [0, 0, 0, 2] }, ...applicantLines(d.applicant)] },
        qrColumn(f.qr.qrImage, d.code, f.qr.lookupKey),
      ],
      columnGap: 10,
    },
    labelled('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`),
    labelled('Thời gian nhận hồ sơ', vietnamDateTime(d.receivedAt)),
    { text: 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', margin: [0, 8, 0, 2] },
    { stack: items.map((item, i) => `${i + 1}. ${item}`), margin: [12, 0, 0, 4] },
    ...(f.documentNames.length ? [labelled('Lý do', f.request.reason || '—')] : []),
    labelled('Thời điểm yêu cầu bổ sung', vietnamDateTime(f.request.at)),
    {
      text:
        'Thời gian giải quyết hồ sơ tạm dừng kể từ thời điểm yêu cầu bổ sung cho đến khi Bộ phận tiếp nhận và trả kết quả nhận đủ hồ sơ bổ sung; ' +
        'ngày hẹn trả kết quả được lùi tương ứng với thời gian chờ bổ sung.',
      italics: true,
      margin: [0, 4, 0, 2],
    },
    ...receivedLines(f.request),
    {
      text: `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ Bộ phận tiếp nhận và trả kết quả ${d.unitName} để được hướng dẫn./.`,
      margin: [0, 6, 0, 0],
    },
    ...lookupNote(f.qr),
    { columns: [{ text: '' }, signatureBlock('NGƯỜI HƯỚNG DẪN', f.officerName)] },
  ]);
}

/** On a reprint after the citizen brought the supplement: when, and the appointment it moved to. */
function receivedLines(request: SupplementRequestFacts): Content[] {
  if (!request.received) return [];
  return [
    labelled('Đã nhận đủ hồ sơ bổ sung lúc', vietnamDateTime(request.received.at)),
    labelled('Ngày hẹn trả kết quả mới', vietnamDateTime(request.received.appointmentAt)),
  ];
}
