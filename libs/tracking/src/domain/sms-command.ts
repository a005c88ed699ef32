import { removeDiacritics } from '../../../common/src/vietnamese-fold';

export type SmsCommand =
  | { kind: 'lookup'; code: string }
  | { kind: 'rate'; code: string; score: number }
  | { kind: 'rate-help' }
  | { kind: 'help' };

/**
 * `HS <code>`, `TRACUU <code>`, also "tra cứu", as people type them (DESIGN §5, issue 18 item 7):
 * any case, with or without accents, the keyword glued to the code (`HS000.00.20.H15-…`) or
 * followed by `:`, spaces around the code's dots and dashes, a full stop at the end. A dossier
 * code starts with a digit, so `HSX …` or a sentence after the code is still not a lookup.
 */
const LOOKUP = /^(?:HS|TRA ?CUU)[ :.,]*([0-9][0-9A-Z.\-]{4,60})$/;

/**
 * `DG <code> <1-5>` (ADR 0030), typed as loosely as `HS`: any case, "Đg"/"đánh giá", the keyword glued to
 * the code, `:` or spaces; the score after a space, `,`, `:`, `/` or `-`, optionally followed by "diem"
 * or "sao". The code is matched lazily, so `…-0001-5` is code `…-0001` and score 5.
 */
const RATE = /^(?:DG|DANH ?GIA)[ :.,]*([0-9][0-9A-Z.\-]{4,60}?)(?:[ :,;/]+|-)([1-5])(?: ?(?:DIEM|SAO))?$/;
const RATE_KEYWORD = /^(?:DG|DANH ?GIA)(?![A-Z])|^DG[0-9]/;

/** Reads an inbound SMS; a `DG` that is not a rating asks for the rating help, anything else for the lookup help. */
export function parseSmsCommand(text: string): SmsCommand {
  const plain = removeDiacritics((text ?? '').slice(0, 400))
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?([.\-]) ?/g, '$1')
    .replace(/[.,;!?]+$/, '');
  const rate = RATE.exec(plain);
  if (rate) return { kind: 'rate', code: rate[1], score: Number(rate[2]) };
  if (RATE_KEYWORD.test(plain)) return { kind: 'rate-help' };
  const match = LOOKUP.exec(plain);
  return match ? { kind: 'lookup', code: match[1] } : { kind: 'help' };
}
