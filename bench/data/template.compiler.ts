import { deadlineJobId, type DeadlineKind } from '../../libs/workflow/src/deadlines/deadline-job.ids';

/** What varies from one copy of a template to the next. */
export interface CloneParams {
  /** 1, 2, 3…: goes into every id the template owns, so copies never share an id. */
  serial: number;
  /** Whole weeks back from the template (so weekdays, office hours and lunch stay as they were). */
  weeksBack: number;
  code: string;
  lookupKeyHash: string;
  mapUnit(code: string): string;
  unitName: string;
  applicant: { fullName: string; idNumber: string; phone: string };
}

/** The template's own literals that a copy replaces. */
export interface TemplateLiterals {
  code: string;
  lookupKeyHash: string;
  unitName: string;
  applicant: { fullName: string; idNumber: string; phone: string };
  /** Ids that are not the template's own (definitions): kept as they are. */
  sharedIds: Set<string>;
  /** Deadline job id → the task id and kind it derives from (libs/workflow deadlineJobId). */
  derivedIds: Map<string, { taskId: string; kind: DeadlineKind }>;
}

type Slot =
  | { kind: 'uuid'; value: string }
  | { kind: 'derived'; taskId: string; job: DeadlineKind }
  | { kind: 'date'; value: string }
  | { kind: 'code' | 'hash' | 'unitName' | 'fullName' | 'idNumber' | 'phone' }
  | { kind: 'unit'; value: string }
  | { kind: 'user'; role: string; unit: string };

/** COPY text lines of one table, cut at every value a copy changes. */
export interface CompiledTable {
  parts: string[];
  slots: Slot[];
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UNIT = '\\d{3}\\.\\d{2}\\.\\d{2}\\.H15';

/** Cuts `text` (COPY lines of one table of one template) into literal parts and slots. */
export function compileTable(text: string, lit: TemplateLiterals): CompiledTable {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    [
      `(?<code>${escape(lit.code)})`,
      `(?<hash>${lit.lookupKeyHash})`,
      `(?<uuid>${UUID})`,
      `(?<user>\\b(?:reception|specialist|head|leader)\\.\\d{4}\\b)`,
      `(?<unit>${UNIT})`,
      `(?<date>\\d{4}-\\d{2}-\\d{2})`,
      `(?<unitName>${escape(lit.unitName)})`,
      `(?<fullName>${escape(lit.applicant.fullName)})`,
      `(?<idNumber>${lit.applicant.idNumber})`,
      `(?<phone>${lit.applicant.phone})`,
    ].join('|'),
    'g',
  );
  const parts: string[] = [];
  const slots: Slot[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const g = match.groups!;
    const value = match[0];
    let slot: Slot | undefined;
    if (g.uuid) {
      const derived = lit.derivedIds.get(value);
      if (derived) slot = { kind: 'derived', taskId: derived.taskId, job: derived.kind };
      else if (!lit.sharedIds.has(value)) slot = { kind: 'uuid', value };
    } else if (g.user) {
      const [role, digits] = value.split('.');
      slot = { kind: 'user', role, unit: `000.${digits.slice(0, 2)}.${digits.slice(2)}.H15` };
    } else if (g.unit) slot = { kind: 'unit', value };
    else if (g.date) slot = { kind: 'date', value };
    else slot = { kind: Object.keys(g).find((k) => g[k] !== undefined) as 'code' };
    if (!slot) continue;
    parts.push(text.slice(last, match.index));
    slots.push(slot);
    last = match.index! + value.length;
  }
  parts.push(text.slice(last));
  return { parts, slots };
}

/** An id the copy owns: the serial replaces the first 8 hex digits of the template's id. */
export function cloneId(templateId: string, serial: number): string {
  return serial.toString(16).padStart(8, '0') + templateId.slice(8);
}

const DAY_MS = 86_400_000;
const shiftedDates = new Map<string, string>();

/** `yyyy-mm-dd` moved `weeks` weeks back (cached: a run sees a few hundred distinct dates). */
export function shiftDate(date: string, weeks: number): string {
  const key = `${date}|${weeks}`;
  let out = shiftedDates.get(key);
  if (!out) {
    out = new Date(Date.parse(`${date}T00:00:00Z`) - weeks * 7 * DAY_MS).toISOString().slice(0, 10);
    shiftedDates.set(key, out);
  }
  return out;
}

/** The user names of generated accounts: role and the unit's two code groups (`specialist.0321`). */
export function accountName(role: string, unitCode: string): string {
  return `${role}.${unitCode.slice(4, 6)}${unitCode.slice(7, 9)}`;
}

/** Writes one copy of a compiled table. */
export function instantiate(table: CompiledTable, p: CloneParams): string {
  let out = table.parts[0];
  for (let i = 0; i < table.slots.length; i++) {
    const slot = table.slots[i];
    switch (slot.kind) {
      case 'uuid':
        out += cloneId(slot.value, p.serial);
        break;
      case 'derived':
        out += deadlineJobId(cloneId(slot.taskId, p.serial), slot.job);
        break;
      case 'date':
        out += shiftDate(slot.value, p.weeksBack);
        break;
      case 'code':
        out += p.code;
        break;
      case 'hash':
        out += p.lookupKeyHash;
        break;
      case 'unitName':
        out += p.unitName;
        break;
      case 'unit':
        out += p.mapUnit(slot.value);
        break;
      case 'user':
        out += accountName(slot.role, p.mapUnit(slot.unit));
        break;
      case 'fullName':
        out += p.applicant.fullName;
        break;
      case 'idNumber':
        out += p.applicant.idNumber;
        break;
      case 'phone':
        out += p.applicant.phone;
        break;
    }
    out += table.parts[i + 1];
  }
  return out;
}
