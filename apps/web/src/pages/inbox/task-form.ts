import {
  opinionRequirements,
  readOpinionRules,
  type OpinionRules,
} from '../../../../../libs/common/src/opinion-form.js';
import { readFormField, type FieldType, type FormField } from '../../../../../libs/common/src/form-fields.js';

/**
 * The completion form of a step, as drawn in `mc:form` (DESIGN §2):
 *
 * ```json
 * { "outcomes": [{ "key": "approved", "label": "Duyệt", "variables": { "approved": true } },
 *                { "key": "rework", "label": "Trả lại xử lý lại", "requires": ["opinion"], "danger": true }],
 *   "fields":   [{ "key": "pages", "label": "Số trang", "type": "number", "required": false }],
 *   "opinion":  { "label": "Ý kiến phê duyệt / lý do" },  "attachments": "optional" }
 * ```
 *
 * Completing sends `outcome` (the chosen key), the outcome's own `variables` (what the diagram's
 * gateways test) and the filled fields; the opinion and the attached files go beside them (issue
 * 16). A `note` field of a form drawn before opinions existed is the opinion box (one box, not
 * two). An outcome may be a bare string (key = label). Anything unusable is dropped rather than
 * shown broken.
 */
export interface TaskForm {
  outcomes: FormOutcome[];
  fields: FormField[];
  /** The opinion box (ý kiến xử lý): every step has one; the form says its label and when it is required. */
  opinion: OpinionRules;
}

export interface FormOutcome {
  key: string;
  label: string;
  variables: Record<string, unknown>;
  /** Field keys (or `opinion`, `attachments`) that become required when this outcome is chosen (e.g. a reason to send back). */
  requires: string[];
  danger: boolean;
}

/** A step form's field: the one definition of libs/common, shared with the procedures' e-forms. */
export type { FieldType, FormField };

/** Whether `field` belongs to the completion with `outcome` (see `FormField.onlyWith`). */
export function isShown(field: FormField, outcome: FormOutcome | undefined): boolean {
  return field.onlyWith.length === 0 || (outcome !== undefined && field.onlyWith.includes(outcome.key));
}

/** Used for steps drawn without `mc:form`: agree or not, with a note (a reason when not). */
export const DEFAULT_TASK_FORM: TaskForm = {
  outcomes: [
    { key: 'approved', label: 'Đồng ý', variables: { approved: true }, requires: [], danger: false },
    { key: 'rejected', label: 'Không đồng ý', variables: { approved: false }, requires: ['opinion'], danger: true },
  ],
  fields: [],
  opinion: readOpinionRules({
    opinion: { label: 'Ý kiến xử lý / lý do' },
    outcomes: [{ key: 'rejected', requires: ['opinion'] }],
  }),
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** The form of a task (`task.form`), or {@link DEFAULT_TASK_FORM} when the step has none usable. */
export function readTaskForm(raw: unknown): TaskForm {
  const source = typeof raw === 'string' ? parseJson(raw) : raw;
  if (!isObject(source)) return DEFAULT_TASK_FORM;
  const outcomes = (Array.isArray(source.outcomes) ? source.outcomes : [])
    .map(readOutcome)
    .filter((o): o is FormOutcome => o !== null);
  const fields = (Array.isArray(source.fields) ? source.fields : [])
    .map(readFormField)
    .filter((f): f is FormField => f !== null);
  if (outcomes.length === 0 && fields.length === 0 && source.opinion === undefined && source.attachments === undefined)
    return DEFAULT_TASK_FORM;
  const opinion = readOpinionRules(source);
  // A `note` field drawn before opinions existed is the opinion box: shown once, as the opinion.
  const shown = opinion.fromNoteField ? fields.filter((f) => f.key !== 'note') : fields;
  const asOpinion = (o: FormOutcome): FormOutcome =>
    opinion.fromNoteField ? { ...o, requires: o.requires.map((k) => (k === 'note' ? 'opinion' : k)) } : o;
  return { outcomes: unique(outcomes).map(asOpinion), fields: unique(shown), opinion };
}

/** Whether the opinion and at least one attachment are required with the chosen outcome. */
export function opinionNeeds(
  form: TaskForm,
  outcome: FormOutcome | undefined,
): { opinion: boolean; attachments: boolean } {
  return opinionRequirements(form.opinion, outcome?.key);
}

function readOutcome(raw: unknown): FormOutcome | null {
  if (typeof raw === 'string')
    return text(raw) ? { key: raw.trim(), label: raw.trim(), variables: {}, requires: [], danger: false } : null;
  if (!isObject(raw)) return null;
  const key = text(raw.key);
  if (!key) return null;
  return {
    key,
    label: text(raw.label) ?? key,
    variables: isObject(raw.variables) ? raw.variables : {},
    requires: Array.isArray(raw.requires) ? raw.requires.filter((k): k is string => typeof k === 'string') : [],
    danger: raw.danger === true,
  };
}

function unique<T extends { key: string }>(items: T[]): T[] {
  return items.filter((item, i) => items.findIndex((other) => other.key === item.key) === i);
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Whether `field` must be filled, given the chosen outcome. */
export function isRequired(field: FormField, outcome: FormOutcome | undefined): boolean {
  return field.required || (outcome?.requires.includes(field.key) ?? false);
}

/**
 * The process variables of a completion: the outcome's key and variables, then the fields that
 * were filled (text trimmed; empty text, empty numbers and unset dates are left out).
 */
export function completionVariables(
  form: TaskForm,
  outcome: FormOutcome | undefined,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const variables: Record<string, unknown> = outcome ? { outcome: outcome.key, ...outcome.variables } : {};
  for (const field of form.fields) {
    if (!isShown(field, outcome)) continue;
    const value = fieldValue(field, values[field.key]);
    if (value !== undefined) variables[field.key] = value;
  }
  return variables;
}

function fieldValue(field: FormField, value: unknown): unknown {
  if (field.type === 'checkbox') return value === true;
  if (field.type === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  if (field.type === 'date') return value instanceof Date ? value.toISOString() : text(value);
  return text(value);
}
