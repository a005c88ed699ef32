import type { Column, Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DossierDetail } from '../services/dossiers.service';
import { vietnamDateline } from './vietnam-time.format';

/** The two-column heading of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): issuing unit left, national motto right. */
export function documentHeading(d: Pick<DossierDetail, 'unitName' | 'code'>, at: Date): Content {
  return {
    columns: [
      {
        width: '45%',
        stack: [
          { text: d.unitName.toUpperCase(), alignment: 'center', fontSize: 11 },
          { text: 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ', alignment: 'center', bold: true, fontSize: 11 },
          { text: '_____________', alignment: 'center', margin: [0, -4, 0, 4] },
          { text: `Mã hồ sơ: ${d.code}`, alignment: 'center', bold: true },
        ],
      },
      {
        width: '55%',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true, fontSize: 11 },
          { text: 'Độc lập - Tự do - Hạnh phúc', alignment: 'center', bold: true },
          { text: '_______________________', alignment: 'center', margin: [0, -4, 0, 4] },
          { text: vietnamDateline(at), alignment: 'center', italics: true },
        ],
      },
    ],
    margin: [0, 0, 0, 14],
  };
}

/** A signature block: title, hint, blank space, printed name. */
export function signatureBlock(title: string, name: string, hint = '(Ký và ghi rõ họ tên)'): Content {
  return {
    stack: [
      { text: title, bold: true, alignment: 'center' },
      { text: hint, italics: true, alignment: 'center' },
      { text: name, alignment: 'center', margin: [0, 60, 0, 0] },
    ],
  };
}

/** The QR to the lookup page as a form prints it; the key only when the caller gave the right one. */
export interface LookupQr {
  /** The QR's name among the document's images: the PDF worker draws it from `lookupUrl`. */
  qrImage: string;
  lookupUrl: string;
  lookupKey?: string;
}

/** An A4 portrait form in the receipt's layout: heading dated `at`, the title, then `content`. */
export function portraitForm(
  d: Pick<DossierDetail, 'unitName' | 'code'>,
  at: Date,
  title: string,
  content: Content[],
): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [56, 40, 42, 40],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.15 },
    info: { title: `${title.charAt(0)}${title.slice(1).toLowerCase()} ${d.code}` },
    content: [
      documentHeading(d, at),
      { text: title, alignment: 'center', bold: true, fontSize: 14, margin: [0, 0, 0, 10] },
      ...content,
    ],
  };
}

/** The line under the QR: how to follow the dossier, with the key on a first print. */
export function lookupNote(qr: LookupQr): Content[] {
  const how = qr.lookupKey
    ? `Tra cứu tình trạng hồ sơ: quét mã QR hoặc vào trang tra cứu với mã hồ sơ và mã tra cứu ${qr.lookupKey}.`
    : 'Tra cứu tình trạng hồ sơ: quét mã QR hoặc vào trang tra cứu với mã hồ sơ và mã tra cứu in trên giấy tiếp nhận.';
  return [
    { text: how, margin: [0, 6, 0, 0] },
    { text: qr.lookupUrl, fontSize: 8, color: '#444444', margin: [0, 2, 0, 16] },
  ];
}

/** `label: value` with the value in bold, one line of a form. */
export function labelled(label: string, value: string): Content {
  return { text: [{ text: `${label}: ` }, { text: value, bold: true }], margin: [0, 2, 0, 2] };
}

/** The QR code to the lookup page with the code under it, and the key when it is known (a first print). */
export function qrColumn(qrImage: string, code: string, lookupKey?: string): Column {
  return {
    width: 110,
    stack: [
      { image: qrImage, width: 104, alignment: 'center' },
      { text: code, fontSize: 8, alignment: 'center' },
      ...(lookupKey
        ? [{ text: `Mã tra cứu: ${lookupKey}`, fontSize: 9, bold: true, alignment: 'center' as const }]
        : []),
    ],
  };
}

/** Who the dossier belongs to, as the forms of TT 01/2018/TT-VPCP list them. */
export function applicantLines(a: DossierDetail['applicant'], nameLabel = 'Ông/Bà'): Content[] {
  return [
    labelled(nameLabel, a.fullName),
    labelled('Số định danh cá nhân/CMND', a.idNumber),
    labelled('Số điện thoại', a.phone),
    ...(a.email ? [labelled('Thư điện tử', a.email)] : []),
    labelled('Địa chỉ', a.address ?? '—'),
  ];
}

export const KIND_LABELS: Record<string, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  copy: 'Bản sao',
};

/** The legal processing time as the receipt states it. */
export function legalTimeText(legalTime: DossierDetail['procedure']['legalTime']): string {
  if (typeof legalTime === 'string') return legalTime;
  const t = legalTime as { days?: number; hours?: number; minutes?: number; sameDay?: boolean };
  if (t.sameDay) return 'Trong ngày làm việc (tiếp nhận sau 15 giờ: trả trong ngày làm việc tiếp theo)';
  const parts = [
    t.days ? `${String(t.days).padStart(2, '0')} ngày làm việc` : '',
    t.hours ? `${t.hours} giờ làm việc` : '',
    t.minutes ? `${t.minutes} phút` : '',
  ];
  return parts.filter(Boolean).join(' ') || '—';
}
