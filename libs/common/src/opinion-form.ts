/**
 * What a step's form (`mc:form`) asks of the officer's opinion (ý kiến xử lý) and attachments
 * (issue 16, docs/design.md §6 "Completing a step"). Every completion may carry both; the form
 * makes them required for every outcome or for some:
 *
 * ```json
 * { "opinion": { "label": "Ý kiến phê duyệt / lý do", "required": false },   // or "required" / "optional"
 *   "attachments": "required",                                                // or "optional" (the default)
 *   "outcomes": [{ "key": "rework", "label": "Trả lại", "requires": ["opinion", "attachments"] }] }
 * ```
 *
 * Forms drawn before opinions existed wrote the opinion as a `note` field: without an `opinion`
 * entry, a `note` field is the opinion (its label and `required`), and an outcome's
 * `requires: ["note"]` requires the opinion. Pure, imports nothing: the server and the web app
 * read forms with this one function.
 */
export interface OpinionRules {
  /** The label of the opinion box. */
  label: string;
  /** The opinion is required whatever the outcome. */
  required: boolean;
  /** At least one attachment is required whatever the outcome. */
  attachmentsRequired: boolean;
  /** What each outcome adds: `opinion`, `attachments` (by outcome key). */
  outcomeRequires: Record<string, { opinion: boolean; attachments: boolean }>;
  /** The form writes the opinion as a `note` field (drawn before opinions existed). */
  fromNoteField: boolean;
}

export const DEFAULT_OPINION_LABEL = 'Ý kiến xử lý';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** The opinion rules of a form as drawn (a JSON object or its text); anything unusable reads as "optional". */
export function readOpinionRules(rawForm: unknown): OpinionRules {
  const form = typeof rawForm === 'string' ? parseJson(rawForm) : rawForm;
  const source = isObject(form) ? form : {};
  const noteField = source.opinion === undefined ? noteFieldOf(source.fields) : undefined;
  const opinion = source.opinion;
  const label =
    (isObject(opinion) ? text(opinion.label) : undefined) ??
    (noteField ? text(noteField.label) : undefined) ??
    DEFAULT_OPINION_LABEL;
  const required =
    opinion === 'required' || (isObject(opinion) && opinion.required === true) || noteField?.required === true;
  const attachments = source.attachments;
  const attachmentsRequired = attachments === 'required' || (isObject(attachments) && attachments.required === true);
  const opinionKeys = noteField ? ['opinion', 'note'] : ['opinion'];
  const outcomeRequires: OpinionRules['outcomeRequires'] = {};
  for (const outcome of Array.isArray(source.outcomes) ? source.outcomes : []) {
    if (!isObject(outcome) || !text(outcome.key)) continue;
    const requires = Array.isArray(outcome.requires)
      ? outcome.requires.filter((k): k is string => typeof k === 'string')
      : [];
    outcomeRequires[text(outcome.key)!] = {
      opinion: requires.some((k) => opinionKeys.includes(k)),
      attachments: requires.includes('attachments'),
    };
  }
  return { label, required, attachmentsRequired, outcomeRequires, fromNoteField: noteField !== undefined };
}

/** Whether the opinion and attachments are required when completing with `outcome` (its key, if any). */
export function opinionRequirements(
  rules: OpinionRules,
  outcome: string | undefined,
): { opinion: boolean; attachments: boolean } {
  const own = outcome !== undefined ? rules.outcomeRequires[outcome] : undefined;
  return {
    opinion: rules.required || (own?.opinion ?? false),
    attachments: rules.attachmentsRequired || (own?.attachments ?? false),
  };
}

/**
 * What is missing from a completion: `OPINION_REQUIRED`, `ATTACHMENT_REQUIRED`, or null when
 * nothing is. `opinion` counts once trimmed; `outcome` is the `outcome` variable the completion sets.
 */
export function missingForCompletion(
  rules: OpinionRules,
  completion: { outcome?: string; opinion?: string; attachments: number },
): 'OPINION_REQUIRED' | 'ATTACHMENT_REQUIRED' | null {
  const needs = opinionRequirements(rules, completion.outcome);
  if (needs.opinion && !completion.opinion?.trim()) return 'OPINION_REQUIRED';
  if (needs.attachments && completion.attachments === 0) return 'ATTACHMENT_REQUIRED';
  return null;
}

function noteFieldOf(fields: unknown): { label?: unknown; required?: unknown } | undefined {
  if (!Array.isArray(fields)) return undefined;
  return fields.find(
    (f): f is Record<string, unknown> =>
      isObject(f) && f.key === 'note' && (f.type === undefined || f.type === 'textarea' || f.type === 'text'),
  );
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
