import ExcelJS from 'exceljs';
import { vietnamWallClock } from '../../../calendar/src';
import type { OverdueItem, OverdueReport } from '../services/overdue-report.service';
import { toCsv } from './summary.export';

const HEADERS = [
  'STT',
  'Loại',
  'Mã hồ sơ',
  'Thủ tục',
  'Đơn vị',
  'Bước',
  'Người xử lý',
  'Hạn xử lý',
  'Trễ (ngày làm việc)',
  'Trễ (giờ)',
];

const vnTime = (at: Date) => {
  const clock = vietnamWallClock(at);
  return `${clock.date} ${clock.time}`;
};

function rows(report: OverdueReport): (string | number | null)[][] {
  return report.items.map((item: OverdueItem, i) => [
    i + 1,
    item.kind === 'step' ? 'Bước xử lý' : 'Hồ sơ',
    item.dossierCode,
    item.procedureName,
    item.unitName ?? item.unitCode,
    item.step,
    item.assignee ?? (item.candidateGroups.length ? `(chưa nhận: ${item.candidateGroups.join(', ')})` : null),
    vnTime(item.dueAt),
    item.lateDays,
    item.lateHours,
  ]);
}

export function overdueCsv(report: OverdueReport): string {
  return toCsv([HEADERS, ...rows(report)]);
}

export async function overdueXlsx(report: OverdueReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Quá hạn');
  sheet.addRow([`DANH SÁCH HỒ SƠ, BƯỚC XỬ LÝ QUÁ HẠN — đơn vị ${report.unitCode}, lúc ${vnTime(report.at)}`]);
  sheet.addRow(HEADERS);
  for (const row of rows(report)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
