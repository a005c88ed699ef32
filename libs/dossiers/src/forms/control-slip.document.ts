import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { HandoverRow } from '../domain/control-slip.rows';
import type { DossierDetail } from '../services/dossiers.service';
import type { FormNames } from './form-names.reader';
import { documentHeading } from './form-parts';
import { vietnamDateTime } from './vietnam-time.format';

const RESULT_LABELS: Record<NonNullable<HandoverRow['result']>, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};
/** A side of a handover: the officer (if one took it) over the unit's name, as the slip asks for unit and person. */
const party = (p: HandoverRow['from'], names: FormNames) => {
  const person = names.person(p.user);
  return person ? `${person}\n${names.unit(p.unitCode)}` : names.unit(p.unitCode);
};

/** The opinion cell: what the officer wrote, then the names of the files attached to it (issue 16). */
const opinionCell = (row: HandoverRow): Content => {
  if (!row.opinion) return '';
  const files = row.opinion.attachments.length
    ? [{ text: `Tệp đính kèm: ${row.opinion.attachments.join(', ')}`, italics: true, fontSize: 8 }]
    : [];
  return { stack: [...(row.opinion.text ? [row.opinion.text] : []), ...files] };
};

/**
 * Form 05 of TT 01/2018/TT-VPCP: Phiếu kiểm soát quá trình giải quyết hồ sơ, one row per handover,
 * with the officer's opinion on the step in the last column (ý kiến xử lý; the form's "Ghi chú").
 */
export function controlSlipDocument(d: DossierDetail, printedAt: Date, names: FormNames): TDocumentDefinitions {
  const head = [
    'TT',
    'Bước xử lý',
    'Bên giao',
    'Bên nhận',
    'Thời gian giao, nhận',
    'Hạn xử lý',
    'Hoàn thành',
    'Kết quả',
    'Ý kiến xử lý',
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 36, 40, 36],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    info: { title: `Phiếu kiểm soát ${d.code}` },
    content: [
      documentHeading(d, printedAt),
      { text: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', alignment: 'center', bold: true, fontSize: 14 },
      {
        text: `Kèm theo hồ sơ ${d.code}: ${d.procedureName} của Ông/Bà ${d.applicant.fullName}`,
        alignment: 'center',
        margin: [0, 4, 0, 2],
      },
      {
        text: `Nhận hồ sơ lúc ${vietnamDateTime(d.receivedAt)}; hẹn trả kết quả lúc ${vietnamDateTime(d.appointmentAt)}`,
        alignment: 'center',
        margin: [0, 0, 0, 10],
      },
      {
        fontSize: 9,
        table: {
          headerRows: 1,
          widths: [18, 108, 84, 84, 58, 58, 58, 46, '*'],
          body: [
            head.map((text) => ({ text, bold: true, alignment: 'center' as const })),
            ...d.history.map((row, i) => [
              String(i + 1),
              row.step,
              party(row.from, names),
              party(row.to, names),
              vietnamDateTime(row.at),
              row.due ? vietnamDateTime(row.due) : '—',
              row.completedAt ? vietnamDateTime(row.completedAt) : 'Đang xử lý',
              row.result ? RESULT_LABELS[row.result] : '',
              opinionCell(row),
            ]),
          ],
        },
      },
      ...pauseLines(d),
    ],
  };
}

/** The supplement pauses under the table: the time the dossier's clock stood still (the steps are rated around them). */
function pauseLines(d: DossierDetail): Content[] {
  const spans = d.pauses.map((p) => `từ ${vietnamDateTime(p.from)} đến ${vietnamDateTime(p.to)}`);
  if (d.pausedAt) spans.push(`từ ${vietnamDateTime(d.pausedAt)} (đang chờ công dân bổ sung)`);
  return spans.map((span) => ({ text: `Tạm dừng chờ bổ sung hồ sơ: ${span}`, italics: true, margin: [0, 4, 0, 0] }));
}
