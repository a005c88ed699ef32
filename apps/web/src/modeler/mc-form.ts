/**
 * `mc:form`: an empty text or a JSON object (outcome choices and fields); anything else is
 * refused by the engine (FORM_INVALID). Returns the Vietnamese error, or null.
 */
export function formError(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : 'Phải là một đối tượng JSON: { … }';
  } catch {
    return 'JSON không hợp lệ';
  }
}
