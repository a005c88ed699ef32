import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { vietnamWallClock } from '../../../calendar/src';
import { renderPdf } from '../../../common/src';

/** A printable report: an official heading, a title, one table whose last row is the totals, two signatures. */
export interface ReportPdf {
  /** The form's number printed top right, e.g. `Biểu số II.06a/VPCP/KSTT`. */
  formCode?: string;
  unitName: string;
  title: string;
  /** Lines under the title: the period, the unit. */
  subtitle: string[];
  /** Header rows, spans already set; a last row of column numbers is added. */
  head: TableCell[][];
  body: (string | number | null)[][];
  /** Rows of `body` printed bold (default: the last, the totals). */
  boldRows?: number[];
  widths: (number | '*')[];
  printedAt: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `Ngày dd tháng MM năm yyyy` in Vietnam time. */
function dateline(at: Date): string {
  const d = vietnamWallClock(at);
  return `Ngày ${pad(d.day)} tháng ${pad(d.month)} năm ${d.year}`;
}

/** Issuing unit left, national motto centre, form number right (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
function heading(spec: ReportPdf): Content {
  return {
    columns: [
      {
        width: '32%',
        stack: [
          { text: spec.unitName.toUpperCase(), alignment: 'center', bold: true },
          { text: '_____________', alignment: 'center', margin: [0, -4, 0, 0] },
        ],
      },
      {
        width: '*',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true },
          { text: 'Độc lập - Tự do - Hạnh phúc', alignment: 'center', bold: true },
          { text: '_______________________', alignment: 'center', margin: [0, -4, 0, 0] },
        ],
      },
      { width: '26%', text: spec.formCode ?? '', alignment: 'right', bold: true },
    ],
    margin: [0, 0, 0, 10],
  };
}

function signatures(at: Date): Content {
  const block = (title: string, hint: string, line?: string) => ({
    width: '50%',
    stack: [
      { text: line ?? ' ', italics: true, alignment: 'center' as const },
      { text: title, bold: true, alignment: 'center' as const },
      { text: hint, italics: true, alignment: 'center' as const },
    ],
  });
  return {
    columns: [
      block('NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)'),
      block('THỦ TRƯỞNG ĐƠN VỊ', '(Ký tên, đóng dấu)', dateline(at)),
    ],
    margin: [0, 16, 0, 0],
    unbreakable: true,
  };
}

/** Landscape A4 PDF of the report. */
export function reportPdf(spec: ReportPdf): Promise<Buffer> {
  const numbers = spec.widths.map((_w, i) => ({
    text: `(${i + 1})`,
    alignment: 'center' as const,
    italics: true,
    fontSize: 7,
  }));
  const bold = new Set(spec.boldRows ?? [spec.body.length - 1]);
  const body = spec.body.map((row, r) =>
    row.map((cell, c) => ({
      text: cell === null ? '' : String(cell),
      alignment: (c === 1 ? 'left' : 'center') as 'left' | 'center',
      bold: bold.has(r),
    })),
  );
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 28],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    info: { title: spec.title },
    content: [
      heading(spec),
      { text: spec.title, alignment: 'center', bold: true, fontSize: 13 },
      ...spec.subtitle.map((line) => ({
        text: line,
        alignment: 'center' as const,
        margin: [0, 2, 0, 0] as [number, number, number, number],
      })),
      {
        margin: [0, 10, 0, 0],
        table: { headerRows: spec.head.length + 1, widths: spec.widths, body: [...spec.head, numbers, ...body] },
      },
      signatures(spec.printedAt),
    ],
  };
  // Laid out in a worker thread (issue 15, item 1), so the page-number footer is data, not a function.
  return renderPdf(doc, {
    footer: { text: 'Trang {page}/{pages}', alignment: 'right', fontSize: 8, margin: [0, 6, 28, 0] },
  });
}

/** A header cell, bold and centred, spanning columns or rows. */
export function headerCell(text: string, span: { colSpan?: number; rowSpan?: number } = {}): TableCell {
  return { text, bold: true, alignment: 'center', ...span };
}
