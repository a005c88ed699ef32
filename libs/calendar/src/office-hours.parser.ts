import { CalendarError } from './calendar.error';
import { MS_PER_HOUR, MS_PER_MINUTE } from './local-day.util';
import { quoted } from './quoted-input';

/** One daily session of the reception office, local time 'HH:mm' (end may be '24:00'). */
export interface OfficeSession {
  readonly start: string;
  readonly end: string;
}

/** The daily sessions; a working day is their sum (8 h with the default). */
export type OfficeHours = readonly OfficeSession[];

/** 07:00–11:30 and 13:30–17:00: the common provincial schedule, 4.5 h + 3.5 h = 8 h. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

/** A session in milliseconds after local midnight, half-open: [startMs, endMs). */
export interface SessionSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/** Office hours ready for arithmetic. */
export interface CompiledOfficeHours {
  readonly sessions: readonly SessionSpan[];
  /** The length of one working day = the sum of the sessions. */
  readonly workingDayMs: number;
}

const CLOCK_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Milliseconds after midnight of 'HH:mm', or undefined when malformed. */
export function parseClockTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = CLOCK_TIME.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * MS_PER_HOUR + Number(match[2]) * MS_PER_MINUTE;
  return ms > 24 * MS_PER_HOUR ? undefined : ms;
}

/** Validates and compiles office hours; throws CALENDAR_INVALID_HOURS saying what to fix. */
export function compileOfficeHours(hours: OfficeHours = DEFAULT_OFFICE_HOURS): CompiledOfficeHours {
  if (!Array.isArray(hours) || hours.length === 0) {
    throw new CalendarError('CALENDAR_INVALID_HOURS', 'Office hours need at least one session');
  }
  const sessions = hours.map((session, i) => toSpan(session, i));
  sessions.sort((a, b) => a.startMs - b.startMs);
  for (let i = 1; i < sessions.length; i++) {
    if (sessions[i].startMs < sessions[i - 1].endMs) {
      throw new CalendarError(
        'CALENDAR_INVALID_HOURS',
        `Office sessions overlap: ${label(sessions[i - 1])} and ${label(sessions[i])}`,
      );
    }
  }
  const workingDayMs = sessions.reduce((sum, s) => sum + s.endMs - s.startMs, 0);
  return { sessions, workingDayMs };
}

function toSpan(session: OfficeSession, index: number): SessionSpan {
  const startMs = parseClockTime(session?.start);
  const endMs = parseClockTime(session?.end);
  if (startMs === undefined || endMs === undefined) {
    throw new CalendarError(
      'CALENDAR_INVALID_HOURS',
      `Office session #${index + 1} needs start and end as 'HH:mm' (got ${quoted(session)})`,
    );
  }
  if (endMs <= startMs) {
    throw new CalendarError(
      'CALENDAR_INVALID_HOURS',
      `Office session #${index + 1} ends before it starts: ${session.start}–${session.end}`,
    );
  }
  return { startMs, endMs };
}

function label(span: SessionSpan): string {
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  return `${hhmm(span.startMs)}–${span.endMs === 24 * MS_PER_HOUR ? '24:00' : hhmm(span.endMs)}`;
}
