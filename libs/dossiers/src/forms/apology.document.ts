import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DossierDetail } from '../services/dossiers.service';
import type { ApologyFacts } from './form-events';
import { labelled, lookupNote, portraitForm, qrColumn, signatureBlock, type LookupQr } from './form-parts';
import { vietnamDateTime } from './vietnam-time.format';

/** Form 04 needs, beyond the dossier: the apology and the name of the leader who signed it. */
export interface ApologyForm {
  apology: ApologyFacts;
  leaderName: string;
  qr: LookupQr;
}

/**
 * Form 04 of TT 01/2018/TT-VPCP: Phiếu xin lỗi và hẹn lại ngày trả kết quả. The unit that is
 * late writes to the citizen with the reason and a new date; its head signs (DOMAIN "A late dossier").
 */
export function apologyDocument(d: DossierDetail, f: ApologyForm): TDocumentDefinitions {
  const a = f.apology;
  return portraitForm(d, a.at, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', [
    {
      columns: [
        {
          width: '*',
          stack: [
            {
              text: [{ text: 'Kính gửi: ' }, { text: `Ông/Bà ${d.applicant.fullName}`, bold: true }],
              margin: [0, 0, 0, 6],
            },
            {
              text: `Lúc ${vietnamDateTime(d.receivedAt)}, ${d.unitName} tiếp nhận giải quyết hồ sơ của Ông/Bà.`,
              margin: [0, 2, 0, 2],
            },
            labelled('Mã hồ sơ', d.code),
            labelled('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`),
          ],
        },
        qrColumn(f.qr.qrImage, d.code, f.qr.lookupKey),
      ],
      columnGap: 10,
    },
    labelled('Thời hạn trả kết quả giải quyết hồ sơ', vietnamDateTime(a.previousAppointmentAt)),
    {
      text: `Tuy nhiên đến nay, ${d.unitName} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng thời hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`,
      margin: [0, 6, 0, 2],
    },
    labelled('Lý do', a.reason || '—'),
    {
      text: [
        {
          text: `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${d.unitName} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ vào lúc `,
        },
        { text: vietnamDateTime(a.appointmentAt), bold: true },
        { text: '.' },
      ],
      margin: [0, 6, 0, 2],
    },
    { text: 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.', margin: [0, 6, 0, 0] },
    ...lookupNote(f.qr),
    { columns: [{ text: '' }, signatureBlock('THỦ TRƯỞNG CƠ QUAN', f.leaderName, '(Ký, ghi rõ họ tên và đóng dấu)')] },
  ]);
}
