import ExcelJS from 'exceljs';
import type { PeriodicFigures } from '../domain/periodic.rules';
import type { PeriodicReport } from '../services/periodic-report.service';
import { headerCell, reportPdf } from './report.pdf';
import { toCsv, vnDate } from './summary.export';

/** The columns of the periodic report, in order, with their Vietnamese headers. */
export const PERIODIC_COLUMNS: { field: keyof PeriodicFigures; header: string }[] = [
  { field: 'carriedOver', header: 'Kỳ trước chuyển qua' },
  { field: 'received', header: 'Tiếp nhận mới' },
  { field: 'receivedOnline', header: 'Trong đó trực tuyến' },
  { field: 'onlineShare', header: 'Tỷ lệ trực tuyến (%)' },
  { field: 'resolved', header: 'Đã giải quyết' },
  { field: 'resolvedOnTime', header: 'Đúng hạn (gồm trước hạn)' },
  { field: 'resolvedLate', header: 'Quá hạn' },
  { field: 'onTimeRate', header: 'Tỷ lệ đúng hạn (%)' },
  { field: 'inProgress', header: 'Đang giải quyết' },
  { field: 'inProgressOverdue', header: 'Trong đó quá hạn' },
  { field: 'averageProcessingDays', header: 'Thời gian giải quyết trung bình (ngày làm việc)' },
  { field: 'feesPaidOnline', header: 'Hồ sơ nộp phí, lệ phí trực tuyến' },
  { field: 'feesCollectedOnline', header: 'Phí, lệ phí thu trực tuyến (đồng)' },
];
export const PERIODIC_TITLE = 'BÁO CÁO TÌNH HÌNH SỬ DỤNG HỆ THỐNG MỘT CỬA ĐIỆN TỬ';
/** Row number of the first data line in the sheet (title, period, unit, header before it). */
export const PERIODIC_FIRST_DATA_ROW = 5;

/** `6 tháng đầu năm 2025 (từ ngày 01/01/2025 đến ngày 30/06/2025)`. */
export function periodicPeriodText(report: Pick<PeriodicReport, 'year' | 'half' | 'from' | 'to'>): string {
  const name =
    report.half === 1
      ? `6 tháng đầu năm ${report.year}`
      : report.half === 2
        ? `6 tháng cuối năm ${report.year}`
        : `Năm ${report.year}`;
  return `${name} (từ ngày ${vnDate(report.from)} đến ngày ${vnDate(report.to)})`;
}

type Cell = string | number | null;
const figures = (line: PeriodicFigures): Cell[] => PERIODIC_COLUMNS.map((c) => line[c.field]);

/** STT, name, figures: each unit (1, 2…) with its procedures below it (1.1, 1.2…), then "Tổng cộng". Also which rows are units. */
function bodyRows(report: PeriodicReport): { rows: Cell[][]; unitRows: number[] } {
  const rows: Cell[][] = [];
  const unitRows: number[] = [];
  report.units.forEach((unit, u) => {
    unitRows.push(rows.length);
    rows.push([`${u + 1}`, `${unit.name} (${unit.code})`, ...figures(unit)]);
    unit.procedures.forEach((p, i) => rows.push([`${u + 1}.${i + 1}`, `${p.name} (${p.code})`, ...figures(p)]));
  });
  rows.push(['', 'Tổng cộng', ...figures(report.totals)]);
  return { rows, unitRows };
}

const HEADER = ['STT', 'Đơn vị / Thủ tục hành chính', ...PERIODIC_COLUMNS.map((c) => c.header)];
const unitLine = (report: PeriodicReport) => `Đơn vị báo cáo: ${report.unitName} (${report.unitCode})`;
const TIME_NOTE = 'Thời gian giải quyết: ngày làm việc theo lịch của đơn vị, không tính thời gian chờ bổ sung hồ sơ.';

export async function periodicXlsx(report: PeriodicReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(
    report.half ? `6 tháng ${report.half === 1 ? 'đầu' : 'cuối'} ${report.year}` : `Năm ${report.year}`,
  );
  sheet.addRow([PERIODIC_TITLE]);
  sheet.addRow([periodicPeriodText(report)]);
  sheet.addRow([`${unitLine(report)}. ${TIME_NOTE}`]);
  sheet.addRow(HEADER);
  const { rows, unitRows } = bodyRows(report);
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(2).width = 50;
  for (let c = 3; c <= HEADER.length; c++) sheet.getColumn(c).width = 14;
  sheet.getRow(4).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const r of [1, 4, ...unitRows.map((i) => i + PERIODIC_FIRST_DATA_ROW), sheet.rowCount])
    sheet.getRow(r).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function periodicCsv(report: PeriodicReport): string {
  return toCsv([HEADER, ...bodyRows(report).rows]);
}

export function periodicPdf(report: PeriodicReport, printedAt: Date): Promise<Buffer> {
  const { rows, unitRows } = bodyRows(report);
  return reportPdf({
    unitName: report.unitName,
    title: PERIODIC_TITLE,
    subtitle: [periodicPeriodText(report), unitLine(report), TIME_NOTE],
    head: [HEADER.map((text) => headerCell(text))],
    body: rows,
    boldRows: [...unitRows, rows.length - 1],
    widths: [26, '*', ...PERIODIC_COLUMNS.map(() => 46)],
    printedAt,
  });
}
