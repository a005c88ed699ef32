import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DossierDetail } from '../services/dossiers.service';
import {
  applicantLines,
  documentHeading,
  KIND_LABELS,
  labelled,
  legalTimeText,
  qrColumn,
  signatureBlock,
} from './form-parts';
import { vietnamDateTime, vnd } from './vietnam-time.format';

/** What the receipt needs beyond the dossier: the QR image and, at reception only, the lookup key. */
export interface ReceiptExtras {
  /** The QR's name among the document's images (see `LookupQr`). */
  qrImage: string;
  lookupUrl: string;
  /** Known only in the reception response; a reprint has none. */
  lookupKey?: string;
  receivedByName: string;
}

/** Form 01 of TT 01/2018/TT-VPCP: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (DOMAIN: what the receipt records). */
export function receiptDocument(d: DossierDetail, x: ReceiptExtras): TDocumentDefinitions {
  const a = d.applicant;
  const documentsTable: Content = {
    table: {
      headerRows: 1,
      widths: [24, '*', 110, 50],
      body: [
        [
          { text: 'TT', bold: true },
          { text: 'Tên giấy tờ', bold: true },
          { text: 'Hình thức', bold: true },
          { text: 'Số lượng', bold: true },
        ],
        ...d.documents.map((doc, i) => [
          String(i + 1),
          doc.name,
          KIND_LABELS[doc.kind] ?? doc.kind,
          { text: String(doc.copies), alignment: 'center' as const },
        ]),
      ],
    },
    margin: [0, 2, 0, 6],
  };
  const lookupNote = x.lookupKey
    ? {
        text: [
          { text: 'Tra cứu tình trạng hồ sơ: quét mã QR hoặc vào trang tra cứu với mã hồ sơ và mã tra cứu ' },
          { text: x.lookupKey, bold: true, fontSize: 13 },
          { text: '.' },
        ],
      }
    : {
        text: 'Bản in lại: mã QR chỉ chứa mã hồ sơ; mã tra cứu được in trên giấy tiếp nhận cấp lần đầu.',
        italics: true,
      };
  return {
    pageSize: 'A4',
    pageMargins: [56, 40, 42, 40],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.15 },
    info: { title: `Giấy tiếp nhận hồ sơ ${d.code}` },
    content: [
      documentHeading(d, new Date(d.receivedAt)),
      {
        text: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        alignment: 'center',
        bold: true,
        fontSize: 14,
        margin: [0, 0, 0, 10],
      },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: `Bộ phận tiếp nhận và trả kết quả ${d.unitName} tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 2] },
              ...applicantLines(a),
            ],
          },
          qrColumn(x.qrImage, d.code, x.lookupKey),
        ],
        columnGap: 10,
      },
      labelled('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`),
      labelled(
        'Phí, lệ phí',
        d.procedure.feeRules ? `${vnd(d.procedure.fee)} (${d.procedure.feeRules})` : vnd(d.procedure.fee),
      ),
      ...(d.payment.status === 'not_required' ? [] : [labelled('Tình trạng nộp phí, lệ phí', paymentText(d.payment))]),
      { text: '1. Thành phần hồ sơ nộp gồm:', margin: [0, 6, 0, 2] },
      documentsTable,
      labelled('2. Số lượng hồ sơ', '01 bộ'),
      labelled('3. Thời gian giải quyết hồ sơ theo quy định', legalTimeText(d.procedure.legalTime)),
      labelled('4. Thời gian nhận hồ sơ', vietnamDateTime(d.receivedAt)),
      labelled('5. Thời gian trả kết quả giải quyết hồ sơ', vietnamDateTime(d.appointmentAt)),
      labelled('6. Nơi nhận kết quả', `Bộ phận tiếp nhận và trả kết quả ${d.unitName}`),
      { ...lookupNote, margin: [0, 6, 0, 0] },
      { text: x.lookupUrl, fontSize: 8, color: '#444444', margin: [0, 2, 0, 16] },
      {
        columns: [
          signatureBlock('NGƯỜI NỘP HỒ SƠ', a.fullName),
          signatureBlock('NGƯỜI TIẾP NHẬN HỒ SƠ', x.receivedByName),
        ],
      },
    ],
  };
}

/** Paid online (amount, transaction number, time) or still to pay: Form 01 tells the desk and the citizen (ADR 0029). */
export function paymentText(p: DossierDetail['payment']): string {
  if (p.status !== 'paid') return 'Chưa thanh toán';
  const when = p.paidAt ? `, lúc ${vietnamDateTime(p.paidAt)}` : '';
  return `Đã thanh toán trực tuyến ${vnd(p.amount)} qua VNPAY (mã giao dịch ${p.transactionNo ?? 'không rõ'}${when})`;
}
