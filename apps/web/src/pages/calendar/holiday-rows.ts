import type { NamedDay } from '../../api/calendar.api';
import { formatCivilDate, isWeekend, weekdayLabel } from './calendar-dates';

/** A row being edited: the date may not be chosen yet. */
export interface DayRow {
  key: string;
  date: string | null;
  name: string;
}

export type DayList = 'holidays' | 'workingDays';

/** A problem found before saving, tied to its row so the row can be marked. */
export interface RowProblem {
  list: DayList;
  index: number;
  message: string;
}

const MAX_NAME_LENGTH = 200;
const LIST_LABEL: Record<DayList, string> = { holidays: 'Ngày nghỉ', workingDays: 'Ngày làm bù' };
let nextKey = 0;

export function toRows(days: readonly NamedDay[]): DayRow[] {
  return days.map((day) => ({ key: `row-${++nextKey}`, date: day.date, name: day.name }));
}

export function emptyRow(): DayRow {
  return { key: `row-${++nextKey}`, date: null, name: '' };
}

export function toDays(rows: readonly DayRow[]): NamedDay[] {
  return rows.map((row) => ({ date: row.date ?? '', name: row.name.trim() }));
}

/**
 * The mistakes an administrator can make in the two lists, in Vietnamese, before anything is
 * sent. The server checks the same rules (CALENDAR_INVALID_HOLIDAYS) and has the last word.
 */
export function rowProblems(year: number, holidays: readonly DayRow[], workingDays: readonly DayRow[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const check = (list: DayList, rows: readonly DayRow[]) => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const where = `${LIST_LABEL[list]}, dòng ${index + 1}`;
      const add = (message: string) => problems.push({ list, index, message: `${where}: ${message}` });
      if (!row.date) add('chưa chọn ngày.');
      else if (!row.date.startsWith(`${year}-`)) add(`ngày ${formatCivilDate(row.date)} không thuộc năm ${year}.`);
      else if (seen.has(row.date)) add(`ngày ${formatCivilDate(row.date)} đã có ở dòng trên.`);
      else if (list === 'workingDays' && !isWeekend(row.date)) {
        add(`${formatCivilDate(row.date)} là ${weekdayLabel(row.date)}; ngày làm bù phải là thứ Bảy hoặc Chủ nhật.`);
      }
      if (row.date) seen.add(row.date);
      if (!row.name.trim()) add('chưa nhập tên.');
      else if (row.name.length > MAX_NAME_LENGTH) add(`tên dài quá ${MAX_NAME_LENGTH} ký tự.`);
    });
    return seen;
  };
  const offDates = check('holidays', holidays);
  check('workingDays', workingDays);
  workingDays.forEach((row, index) => {
    if (row.date && offDates.has(row.date)) {
      problems.push({
        list: 'workingDays',
        index,
        message: `Ngày ${formatCivilDate(row.date)} vừa là ngày nghỉ vừa là ngày làm bù: chỉ giữ một.`,
      });
    }
  });
  return problems;
}

/** The rows a server detail such as `holidays[3].date must be …` points at. */
export function rowOfServerDetail(detail: string): { list: DayList; index: number } | undefined {
  const match = /^(holidays|workingDays)\[(\d+)\]/.exec(detail);
  return match ? { list: match[1] as DayList, index: Number(match[2]) } : undefined;
}

/** A server detail prefixed with the row it is about, in the words of the page ("Ngày nghỉ, dòng 3: …"). */
export function describeServerDetail(detail: string): string {
  const row = rowOfServerDetail(detail);
  return row ? `${LIST_LABEL[row.list]}, dòng ${row.index + 1}: ${detail}` : detail;
}
