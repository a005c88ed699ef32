/**
 * Fields of a form, as a step's `mc:form` draws them (`fields`) and as a procedure's e-form (tờ khai
 * điện tử, issue 18 item 3) declares them:
 *
 * ```json
 * [{ "key": "businessName", "label": "Tên hộ kinh doanh", "type": "text", "required": true, "maxLength": 200 },
 *  { "key": "capital", "label": "Vốn kinh doanh (đồng)", "type": "number", "required": true },
 *  { "key": "kind", "label": "Loại", "type": "select", "options": [{ "value": "a", "label": "A" }] }]
 * ```
 *
 * One reading of a field and one check of the values filled in: the server checks a citizen's
 * submission with {@link checkFieldValues}, the web form marks the same faults before sending.
 * Pure, imports nothing.
 */
export type FieldType = 'text' | 'textarea' | 'number' | 'date' | 'checkbox' | 'select';
export const FIELD_TYPES: readonly FieldType[] = ['text', 'textarea', 'number', 'date', 'checkbox', 'select'];

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: { value: string; label: string }[];
  /** Shown, and sent, only with one of these outcomes (step forms); empty: always. */
  onlyWith: string[];
  /** The longest text accepted (characters); the type's default when absent. */
  maxLength: number;
  /** A hint under the input (e-forms). */
  help?: string;
}

/** The longest text of a field by type unless it says otherwise (a reason's length for a long text). */
export const DEFAULT_MAX_LENGTH: Record<FieldType, number> = {
  text: 200,
  textarea: 2_000,
  number: 20,
  date: 10,
  checkbox: 5,
  select: 64,
};
/** No field may declare more than this (the variable-text limit of FIELD_LIMITS). */
export const MAX_FIELD_LENGTH = 2_000;
/** At most this many fields in one form. */
export const MAX_FORM_FIELDS = 100;

/** Field keys become process variables and JSON keys: plain names only. */
export const FIELD_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** One field as drawn, or null when it cannot be used (no plain key, a select without options). */
export function readFormField(raw: unknown): FormField | null {
  if (!isObject(raw)) return null;
  const key = text(raw.key);
  if (!key || !FIELD_KEY.test(key) || key === 'outcome') return null;
  const type = FIELD_TYPES.includes(raw.type as FieldType) ? (raw.type as FieldType) : 'text';
  const options = (Array.isArray(raw.options) ? raw.options : [])
    .map((o) =>
      typeof o === 'string'
        ? { value: o, label: o }
        : isObject(o) && text(o.value)
          ? { value: String(o.value), label: text(o.label) ?? String(o.value) }
          : null,
    )
    .filter((o): o is { value: string; label: string } => o !== null);
  if (type === 'select' && options.length === 0) return null;
  const onlyWith = Array.isArray(raw.onlyWith) ? raw.onlyWith.filter((k): k is string => typeof k === 'string') : [];
  const declared = raw.maxLength;
  const maxLength =
    typeof declared === 'number' && Number.isInteger(declared) && declared >= 1
      ? Math.min(declared, MAX_FIELD_LENGTH)
      : DEFAULT_MAX_LENGTH[type];
  const help = text(raw.help);
  return {
    key,
    label: text(raw.label) ?? key,
    type,
    required: raw.required === true,
    options,
    onlyWith,
    maxLength,
    ...(help ? { help } : {}),
  };
}

/** The usable fields of a list as drawn, each key once (the first wins). */
export function readFormFields(raw: unknown): FormField[] {
  const fields = (Array.isArray(raw) ? raw : []).map(readFormField).filter((f): f is FormField => f !== null);
  return fields.filter((f, i) => fields.findIndex((other) => other.key === f.key) === i);
}

/** Why a value was refused; stable, the server answers them and the web app words them. */
export type FieldProblem = 'required' | 'unknown' | 'too_long' | 'invalid';
export interface FieldFault {
  key: string;
  problem: FieldProblem;
}

/** The values as they are kept (trimmed text, numbers, booleans), or the faults. */
export type FieldCheck =
  { ok: true; values: Record<string, string | number | boolean> } | { ok: false; faults: FieldFault[] };

/**
 * Checks what was filled in against the fields: every required field present (text counts once
 * trimmed), no key the form does not have, no text longer than its field allows, each value of its
 * type (a number, a `yyyy-mm-dd` date, a boolean, one of a select's options). Empty optional
 * fields are left out of the values. Oversized values are refused before anything else reads them.
 */
export function checkFieldValues(fields: readonly FormField[], input: unknown): FieldCheck {
  const faults: FieldFault[] = [];
  const values: Record<string, string | number | boolean> = {};
  const given = isObject(input) ? input : {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(given)) if (!byKey.has(key)) faults.push({ key: key.slice(0, 64), problem: 'unknown' });
  for (const field of fields) {
    const raw = given[field.key];
    const problem = checkOne(field, raw);
    if (problem) {
      faults.push({ key: field.key, problem });
      continue;
    }
    const value = normalized(field, raw);
    if (value === undefined) {
      if (field.required) faults.push({ key: field.key, problem: 'required' });
    } else values[field.key] = value;
  }
  return faults.length ? { ok: false, faults } : { ok: true, values };
}

function checkOne(field: FormField, raw: unknown): FieldProblem | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' && raw.length > field.maxLength) return 'too_long';
  switch (field.type) {
    case 'checkbox':
      return typeof raw === 'boolean' ? null : 'invalid';
    case 'number': {
      if (typeof raw === 'number') return Number.isFinite(raw) ? null : 'invalid';
      if (typeof raw !== 'string') return 'invalid';
      return raw.trim() === '' || Number.isFinite(Number(raw.trim())) ? null : 'invalid';
    }
    case 'date':
      if (typeof raw !== 'string') return 'invalid';
      return raw.trim() === '' || isDate(raw.trim()) ? null : 'invalid';
    case 'select':
      if (typeof raw !== 'string') return 'invalid';
      return raw.trim() === '' || field.options.some((o) => o.value === raw.trim()) ? null : 'invalid';
    default:
      return typeof raw === 'string' ? null : 'invalid';
  }
}

function normalized(field: FormField, raw: unknown): string | number | boolean | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (field.type === 'checkbox') return raw === true ? true : field.required ? undefined : false;
  if (field.type === 'number') return typeof raw === 'number' ? raw : text(raw) === undefined ? undefined : Number(raw);
  return text(raw);
}

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}

/** The first fault's code, in the order a citizen fixes them: unknown, too long, invalid, required. */
export function fieldFaultCode(
  faults: readonly FieldFault[],
): 'EFORM_FIELD_UNKNOWN' | 'EFORM_FIELD_TOO_LONG' | 'EFORM_FIELD_INVALID' | 'EFORM_FIELD_REQUIRED' {
  if (faults.some((f) => f.problem === 'unknown')) return 'EFORM_FIELD_UNKNOWN';
  if (faults.some((f) => f.problem === 'too_long')) return 'EFORM_FIELD_TOO_LONG';
  if (faults.some((f) => f.problem === 'invalid')) return 'EFORM_FIELD_INVALID';
  return 'EFORM_FIELD_REQUIRED';
}
