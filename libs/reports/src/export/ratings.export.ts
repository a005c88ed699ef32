import ExcelJS from 'exceljs';
import type { RatingsReport, RatingsReportRow } from '../services/ratings-report.service';
import { toCsv } from './summary.export';

function header(report: RatingsReport): string[] {
  return [
    'STT',
    report.groupBy === 'unit' ? 'Đơn vị' : 'Thủ tục',
    'Số lượt đánh giá',
    'Điểm trung bình',
    'Số lượt hài lòng',
    'Tỷ lệ hài lòng (%)',
    ...report.criteria.map((c) => `${c.label} (điểm TB)`),
  ];
}

function line(row: RatingsReportRow, index: number | null): (string | number | null)[] {
  return [
    index,
    row.key ? `${row.name} (${row.key})` : row.name,
    row.count,
    row.averageOverall,
    row.satisfied,
    row.satisfiedRate,
    ...row.criteria.map((c) => c.average),
  ];
}

const title = (report: RatingsReport) =>
  `KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG — ${report.unitName}, từ ${report.from} đến ${report.to}`;

export function ratingsCsv(report: RatingsReport): string {
  return toCsv([header(report), ...report.rows.map((r, i) => line(r, i + 1)), line(report.total, null)]);
}

export async function ratingsXlsx(report: RatingsReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Đánh giá hài lòng');
  sheet.addRow([title(report)]);
  sheet.addRow(header(report));
  report.rows.forEach((row, i) => sheet.addRow(line(row, i + 1)));
  sheet.addRow(line(report.total, null));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { bold: true };
  sheet.getRow(sheet.rowCount).font = { bold: true };
  sheet.getColumn(2).width = 48;
  return Buffer.from(await book.xlsx.writeBuffer());
}
