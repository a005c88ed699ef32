import ExcelJS from 'exceljs';
import type { TableCell } from 'pdfmake/interfaces';
import type { SummaryCounts } from '../domain/summary.rules';
import type { SummaryReport } from '../services/summary-report.service';
import { headerCell, reportPdf } from './report.pdf';

/** Columns of Biểu II.06a in their order, with the official Vietnamese headers (TT 01/2018/TT-VPCP). */
export const SUMMARY_COLUMNS: { field: keyof SummaryCounts; group: string; header: string }[] = [
  { field: 'received', group: 'Số hồ sơ nhận giải quyết', header: 'Tổng số' },
  { field: 'receivedOnline', group: 'Số hồ sơ nhận giải quyết', header: 'Số mới tiếp nhận trực tuyến' },
  {
    field: 'receivedDirect',
    group: 'Số hồ sơ nhận giải quyết',
    header: 'Số mới tiếp nhận trực tiếp và dịch vụ bưu chính',
  },
  { field: 'carriedOver', group: 'Số hồ sơ nhận giải quyết', header: 'Số kỳ trước chuyển qua' },
  { field: 'resolved', group: 'Số hồ sơ đã giải quyết', header: 'Tổng số' },
  { field: 'resolvedEarly', group: 'Số hồ sơ đã giải quyết', header: 'Trả trước hạn' },
  { field: 'resolvedOnTime', group: 'Số hồ sơ đã giải quyết', header: 'Trả đúng thời hạn' },
  { field: 'resolvedLate', group: 'Số hồ sơ đã giải quyết', header: 'Trả quá hạn' },
  { field: 'inProgress', group: 'Số hồ sơ đang giải quyết', header: 'Tổng số' },
  { field: 'inProgressWithinTime', group: 'Số hồ sơ đang giải quyết', header: 'Trong hạn' },
  { field: 'inProgressOverdue', group: 'Số hồ sơ đang giải quyết', header: 'Quá hạn' },
];

const GROUP_HEADER = { field: 'Lĩnh vực giải quyết', procedure: 'Thủ tục hành chính', unit: 'Đơn vị' } as const;
export const SUMMARY_FORM = 'Biểu số II.06a/VPCP/KSTT';
export const SUMMARY_TITLE = `TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (${SUMMARY_FORM})`;
/** Row number of the first data line in the sheet (title, period, two header rows before it). */
export const SUMMARY_FIRST_DATA_ROW = 5;

/** The table as rows of cells: STT, group, then the eleven counts; the last row is "Tổng cộng". */
function bodyRows(report: SummaryReport): (string | number)[][] {
  const lines = report.lines.map((line, i) => [i + 1, line.name, ...SUMMARY_COLUMNS.map((c) => line[c.field])]);
  return [...lines, ['', 'Tổng cộng', ...SUMMARY_COLUMNS.map((c) => report.totals[c.field])]];
}

/** XLSX: title, period, two header rows (groups merged over their columns), the lines and the totals. */
export async function summaryXlsx(report: SummaryReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('II.06a');
  sheet.addRow([SUMMARY_TITLE]);
  sheet.addRow([`${periodLine(report)} — ${unitLine(report)}`]);
  sheet.addRow(['STT', GROUP_HEADER[report.groupBy], ...SUMMARY_COLUMNS.map((c) => c.group)]);
  sheet.addRow(['', '', ...SUMMARY_COLUMNS.map((c) => c.header)]);
  sheet.mergeCells(3, 1, 4, 1);
  sheet.mergeCells(3, 2, 4, 2);
  sheet.mergeCells(3, 3, 3, 6);
  sheet.mergeCells(3, 7, 3, 10);
  sheet.mergeCells(3, 11, 3, 13);
  for (const row of bodyRows(report)) sheet.addRow(row);
  sheet.getColumn(2).width = 40;
  for (let c = 3; c <= 13; c++) sheet.getColumn(c).width = 14;
  for (const r of [1, 3, 4, sheet.rowCount]) sheet.getRow(r).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Printable PDF (landscape A4): official heading, title with the period and the unit, the table with its totals row, signatures. */
export function summaryPdf(report: SummaryReport, printedAt: Date): Promise<Buffer> {
  const groups = [...new Set(SUMMARY_COLUMNS.map((c) => c.group))];
  const top: TableCell[] = [
    headerCell('STT', { rowSpan: 2 }),
    headerCell(GROUP_HEADER[report.groupBy], { rowSpan: 2 }),
  ];
  for (const group of groups) {
    const span = SUMMARY_COLUMNS.filter((c) => c.group === group).length;
    top.push(headerCell(group, { colSpan: span }), ...Array.from({ length: span - 1 }, () => ({})));
  }
  const second: TableCell[] = [{}, {}, ...SUMMARY_COLUMNS.map((c) => headerCell(c.header))];
  return reportPdf({
    formCode: SUMMARY_FORM,
    unitName: report.unitName,
    title: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    subtitle: [periodLine(report), unitLine(report), 'Đơn vị tính: số hồ sơ'],
    head: [top, second],
    body: bodyRows(report),
    widths: [22, '*', ...SUMMARY_COLUMNS.map(() => 46)],
    printedAt,
  });
}

/** CSV (UTF-8 with BOM so Excel reads the diacritics): one header row "group – column", the lines and the totals. */
export function summaryCsv(report: SummaryReport): string {
  const header = ['STT', GROUP_HEADER[report.groupBy], ...SUMMARY_COLUMNS.map((c) => `${c.group} - ${c.header}`)];
  return toCsv([header, ...bodyRows(report)]);
}

export function toCsv(rows: (string | number | null)[][]): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\ufeff' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const periodLine = (report: SummaryReport) =>
  `Kỳ báo cáo: từ ngày ${vnDate(report.from)} đến ngày ${vnDate(report.to)}`;
const unitLine = (report: SummaryReport) => `Đơn vị báo cáo: ${report.unitName} (${report.unitCode})`;
