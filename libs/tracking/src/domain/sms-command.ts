import { removeDiacritics } from '../../../common/src/vietnamese-fold';

export type SmsCommand = { kind: 'lookup'; code: string } | { kind: 'help' };

/**
 * `HS <code>`, `TRACUU <code>`, also "tra cứu", as people type them (DESIGN §5, issue 18 item 7):
 * any case, with or without accents, the keyword glued to the code (`HS000.00.20.H15-…`) or
 * followed by `:`, spaces around the code's dots and dashes, a full stop at the end. A dossier
 * code starts with a digit, so `HSX …` or a sentence after the code is still not a lookup.
 */
const LOOKUP = /^(?:HS|TRA ?CUU)[ :.,]*([0-9][0-9A-Z.\-]{4,60})$/;

/** Reads an inbound SMS; anything that is not a lookup with a code is a request for help. */
export function parseSmsCommand(text: string): SmsCommand {
  const plain = removeDiacritics((text ?? '').slice(0, 400))
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?([.\-]) ?/g, '$1')
    .replace(/[.,;!?]+$/, '');
  const match = LOOKUP.exec(plain);
  return match ? { kind: 'lookup', code: match[1] } : { kind: 'help' };
}
