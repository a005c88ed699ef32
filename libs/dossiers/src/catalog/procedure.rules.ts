import { AppError, FIELD_LIMITS } from '../../../common/src';
import { MAX_FORM_FIELDS, readFormField } from '../../../common/src/form-fields';
import { CHANNELS, type Channel, type Procedure, type RequiredDocument } from '../domain/procedure.types';

/** National procedure codes look like `1.001193`; local ones may add letters, dots and dashes. */
export const PROCEDURE_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/;
/** The longest legal time the desk accepts: a year of working days (or its hours). */
export const MAX_LEGAL_DAYS = 260;
export const LEVELS = ['province', 'district', 'commune'] as const;
const KINDS: readonly RequiredDocument['kind'][] = ['original', 'certified_copy', 'copy'];
const FILE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]{0,99}$/;

const bad = (code: string, message: string, details?: unknown) => AppError.badRequest(code, message, details);

function text(value: unknown, field: string, max: number, optional = false): string {
  if (optional && (value === undefined || value === null || value === '')) return '';
  if (typeof value !== 'string' || !value.trim() || value.length > max) {
    throw bad('PROCEDURE_FIELD_INVALID', `${field} must be a non-empty text of at most ${max} characters`, { field });
  }
  return value.trim();
}

/**
 * Exactly one of `{days}`, `{hours}` (positive integers) or `{sameDay: true}` — the three forms
 * the calendar counts (NĐ 61/2018 states legal times in working days, some in hours or "trong ngày").
 */
export function checkLegalTime(value: unknown): Procedure['legalTime'] {
  const time = (value ?? {}) as Record<string, unknown>;
  const keys =
    typeof value === 'object' && value !== null
      ? Object.keys(time).filter((k) => time[k] !== undefined && time[k] !== null)
      : [];
  const invalid = () =>
    bad(
      'LEGAL_TIME_INVALID',
      'legalTime must be exactly one of {days}, {hours} (positive integers) or {sameDay: true}',
      { legalTime: value ?? null },
    );
  if (keys.length !== 1) throw invalid();
  const [key] = keys;
  const amount = time[key];
  if (key === 'sameDay' && amount === true) return { sameDay: true };
  if (key === 'days' && Number.isInteger(amount) && (amount as number) >= 1 && (amount as number) <= MAX_LEGAL_DAYS)
    return { days: amount as number };
  if (
    key === 'hours' &&
    Number.isInteger(amount) &&
    (amount as number) >= 1 &&
    (amount as number) <= MAX_LEGAL_DAYS * 8
  )
    return { hours: amount as number };
  throw invalid();
}

function checkDocuments(value: unknown): RequiredDocument[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > FIELD_LIMITS.documents) {
    throw bad('PROCEDURE_FIELD_INVALID', `requiredDocuments must be a list of at most ${FIELD_LIMITS.documents}`, {
      field: 'requiredDocuments',
    });
  }
  const seen = new Set<string>();
  return value.map((raw: Record<string, unknown>) => {
    const code = text(raw?.code, 'requiredDocuments.code', FIELD_LIMITS.code);
    if (!FILE_PATTERN.test(code))
      throw bad('DOCUMENT_CODE_INVALID', `Document code ${code}: letters, digits, dot, dash, underscore`, {
        documentCode: code,
      });
    if (seen.has(code))
      throw bad('DOCUMENT_CODE_DUPLICATE', `Document code ${code} is listed twice`, { documentCode: code });
    seen.add(code);
    if (!KINDS.includes(raw.kind as RequiredDocument['kind']))
      throw bad('PROCEDURE_FIELD_INVALID', `Document ${code}: kind must be one of ${KINDS.join(', ')}`, {
        field: 'requiredDocuments.kind',
      });
    return {
      code,
      name: text(raw.name, 'requiredDocuments.name', FIELD_LIMITS.title),
      kind: raw.kind as RequiredDocument['kind'],
      required: raw.required !== false,
    };
  });
}

function checkTemplates(value: unknown): Procedure['formTemplates'] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > FIELD_LIMITS.formTemplates) {
    throw bad('PROCEDURE_FIELD_INVALID', `formTemplates must be a list of at most ${FIELD_LIMITS.formTemplates}`, {
      field: 'formTemplates',
    });
  }
  return value.map((raw: Record<string, unknown>) => {
    const file = text(raw?.file, 'formTemplates.file', FIELD_LIMITS.fileName);
    if (!FILE_PATTERN.test(file))
      throw bad('FORM_FILE_INVALID', `Form file name ${file}: letters, digits, dot, dash, underscore`, { file });
    return { name: text(raw.name, 'formTemplates.name', FIELD_LIMITS.title), file };
  });
}

function checkChannels(value: unknown): Channel[] {
  const channels = value === undefined ? ['direct'] : value;
  if (!Array.isArray(channels) || channels.length === 0 || channels.some((c) => !CHANNELS.includes(c as Channel))) {
    throw bad('CHANNELS_INVALID', `channels must be a non-empty list of ${CHANNELS.join(', ')}`, { channels: value });
  }
  return [...new Set(channels as Channel[])];
}

/** A field whose texts or options exceed what a form prints (read before the field is). */
function tooLong(raw: unknown): boolean {
  const f = (raw ?? {}) as Record<string, unknown>;
  const long = (v: unknown, max: number) => typeof v === 'string' && v.length > max;
  const options = Array.isArray(f.options) ? f.options : [];
  return (
    long(f.key, FIELD_LIMITS.code) ||
    long(f.label, FIELD_LIMITS.title) ||
    long(f.help, FIELD_LIMITS.title) ||
    long(f.type, FIELD_LIMITS.code) ||
    options.length > 200 ||
    options.some(
      (o) => long(o, FIELD_LIMITS.title) || long(o?.value, FIELD_LIMITS.title) || long(o?.label, FIELD_LIMITS.title),
    )
  );
}

/**
 * The e-form (issue 18 item 3): `{fields: [...]}` with at most {@link MAX_FORM_FIELDS} fields, each
 * one the shared reader accepts (a plain key, a known type, a select with options), each key once;
 * 400 `EFORM_DEFINITION_INVALID` naming the first unusable field.
 */
function checkEForm(value: unknown): Procedure['eForm'] {
  if (value === undefined || value === null) return null;
  const raw = (value as Record<string, unknown>).fields;
  if (typeof value !== 'object' || !Array.isArray(raw) || raw.length > MAX_FORM_FIELDS)
    throw bad('EFORM_DEFINITION_INVALID', `eForm must be {fields: [...]} with at most ${MAX_FORM_FIELDS} fields`, {
      field: 'eForm',
    });
  const fields = raw.map((f: unknown, index) => {
    const field = tooLong(f) ? null : readFormField(f);
    if (!field)
      throw bad(
        'EFORM_DEFINITION_INVALID',
        `eForm field ${index + 1}: a plain key, a known type, options for a select`,
        {
          index,
        },
      );
    return field;
  });
  const keys = fields.map((f) => f.key);
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) throw bad('EFORM_DEFINITION_INVALID', `eForm field ${twice} is listed twice`, { key: twice });
  return { fields };
}

/**
 * One catalog entry as an administrator (or an imported catalog.json) gives it, checked and
 * normalised; 400 with a stable code naming the first fault. Whether the process is deployed
 * is the service's check (it needs the database).
 */
export function checkProcedure(raw: unknown): Procedure {
  const entry = (raw ?? {}) as Record<string, unknown>;
  const code = text(entry.code, 'code', FIELD_LIMITS.code);
  if (!PROCEDURE_CODE_PATTERN.test(code))
    throw bad('PROCEDURE_CODE_INVALID', `Procedure code ${code}: letters, digits, dot, dash, underscore`, { code });
  if (!LEVELS.includes(entry.level as (typeof LEVELS)[number]))
    throw bad('PROCEDURE_FIELD_INVALID', `level must be one of ${LEVELS.join(', ')}`, { field: 'level' });
  if (!Number.isInteger(entry.fee ?? 0) || ((entry.fee ?? 0) as number) < 0)
    throw bad('FEE_INVALID', 'fee must be a non-negative integer (VND)', { fee: entry.fee });
  const version = entry.processVersion ?? null;
  if (version !== null && (!Number.isInteger(version) || (version as number) < 1))
    throw bad('PROCESS_VERSION_UNKNOWN', 'processVersion must be a positive integer or null', {
      processVersion: version,
    });
  const feeRules = text(entry.feeRules, 'feeRules', FIELD_LIMITS.reason, true);
  return {
    code,
    name: text(entry.name, 'name', FIELD_LIMITS.title),
    field: text(entry.field, 'field', FIELD_LIMITS.category),
    level: entry.level as string,
    legalTime: checkLegalTime(entry.legalTime),
    fee: (entry.fee ?? 0) as number,
    feeRules: feeRules || null,
    requiredDocuments: checkDocuments(entry.requiredDocuments),
    formTemplates: checkTemplates(entry.formTemplates),
    processKey: text(entry.processKey, 'processKey', FIELD_LIMITS.bpmnId),
    processVersion: version as number | null,
    channels: checkChannels(entry.channels),
    published: entry.published !== false,
    electronicResult: entry.electronicResult === true,
    eForm: checkEForm(entry.eForm),
  };
}
