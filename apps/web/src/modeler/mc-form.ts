/**
 * `mc:form`: an empty text or a JSON object (outcome choices and fields); anything else is
 * refused by the engine (FORM_INVALID). Returns the Vietnamese error, or null.
 */
export function formError(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'Phải là một đối tượng JSON: { … }';
    const form = value as Record<string, unknown>;
    if (!isRequirement(form.opinion))
      return '"opinion" phải là "required", "optional" hoặc { "label": "…", "required": true }';
    if (!isRequirement(form.attachments)) return '"attachments" phải là "required" hoặc "optional"';
    return null;
  } catch {
    return 'JSON không hợp lệ';
  }
}

/** The engine's rule for `opinion` and `attachments` (issue 16): absent, "required", "optional" or `{label?, required?}`. */
function isRequirement(value: unknown): boolean {
  if (value === undefined || value === 'required' || value === 'optional') return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { label, required } = value as Record<string, unknown>;
  return (
    (label === undefined || typeof label === 'string') && (required === undefined || typeof required === 'boolean')
  );
}
