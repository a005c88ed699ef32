/** The longest quotation of a caller's value in an error message. */
const MAX_QUOTED = 80;

/**
 * A caller's value as JSON for an error message, cut to its first 80 characters: a message that
 * echoed a 1.9 MB value whole cost the event loop 134 ms to write and send (issue 15, item 1).
 */
export function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}… (${text.length} characters)` : text;
}
