import { removeDiacritics } from '../../../common/src/vietnamese-fold';

/** The GSM 03.38 default alphabet (basic set); extension characters are left out on purpose. */
const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** True when `text` fits one SMS: only GSM-7 basic characters and at most 160 of them. */
export function isSingleGsm7Sms(text: string): boolean {
  return text.length <= 160 && [...text].every((c) => GSM7.has(c));
}

/** Makes any text safe for one GSM-7 SMS: no diacritics, unknown characters dropped, cut at 160. */
export function toGsm7(text: string): string {
  const plain = [...removeDiacritics(text)].filter((c) => GSM7.has(c)).join('');
  return plain.length <= 160 ? plain : `${plain.slice(0, 157)}...`;
}
