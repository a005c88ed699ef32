import type { OfficeSession } from '../../api/calendar.api';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface SessionRow {
  key: string;
  start: string | null;
  end: string | null;
}

let nextKey = 0;

export function toSessionRows(sessions: readonly OfficeSession[]): SessionRow[] {
  return sessions.map((session) => ({ key: `session-${++nextKey}`, start: session.start, end: session.end }));
}

export function emptySession(): SessionRow {
  return { key: `session-${++nextKey}`, start: null, end: null };
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Minutes of one working day (the sum of the complete sessions). */
export function workingDayMinutes(rows: readonly SessionRow[]): number {
  return rows.reduce(
    (sum, row) => (row.start && row.end && row.end > row.start ? sum + minutes(row.end) - minutes(row.start) : sum),
    0,
  );
}

/** '8 giờ', '7 giờ 30 phút'. */
export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  return rest ? `${hours} giờ ${rest} phút` : `${hours} giờ`;
}

/** What is wrong with the sessions, in Vietnamese; the server checks the same (CALENDAR_INVALID_HOURS). */
export function sessionProblems(rows: readonly SessionRow[]): string[] {
  if (rows.length === 0) return ['Cần ít nhất một ca làm việc.'];
  const problems: string[] = [];
  rows.forEach((row, i) => {
    if (!row.start || !row.end || !HH_MM.test(row.start) || !HH_MM.test(row.end))
      problems.push(`Ca ${i + 1}: chưa chọn đủ giờ bắt đầu và giờ kết thúc.`);
    else if (row.end <= row.start)
      problems.push(`Ca ${i + 1}: giờ kết thúc (${row.end}) phải sau giờ bắt đầu (${row.start}).`);
  });
  if (problems.length) return problems;
  const sorted = [...rows].sort((a, b) => (a.start as string).localeCompare(b.start as string));
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i].start as string) < (sorted[i - 1].end as string)) {
      problems.push(
        `Ca ${sorted[i - 1].start}–${sorted[i - 1].end} và ca ${sorted[i].start}–${sorted[i].end} bị chồng lên nhau.`,
      );
    }
  }
  return problems;
}

export function toSessions(rows: readonly SessionRow[]): OfficeSession[] {
  return rows.map((row) => ({ start: row.start as string, end: row.end as string }));
}
