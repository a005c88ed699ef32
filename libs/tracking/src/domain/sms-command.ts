import { removeDiacritics } from './sms-text';

export type SmsCommand = { kind: 'lookup'; code: string } | { kind: 'help' };

/** `HS <code>`, `TRACUU <code>`, also "tra cứu", any case and spacing (DESIGN §5). */
const LOOKUP = /^(?:HS|TRA\s*CUU)\s+([0-9A-Z][0-9A-Z.\-]{4,60})$/;

/** Reads an inbound SMS; anything that is not a lookup with a code is a request for help. */
export function parseSmsCommand(text: string): SmsCommand {
  const plain = removeDiacritics(text ?? '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
  const match = LOOKUP.exec(plain);
  return match ? { kind: 'lookup', code: match[1] } : { kind: 'help' };
}
