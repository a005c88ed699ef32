/** What the kiosk needs from a scanned QR: the dossier code and, if printed, the lookup key. */
export interface ScannedLookup {
  code: string;
  key?: string;
}

/** What the kiosk says when a scanned QR is not a receipt's. */
export const NOT_A_RECEIPT = 'Mã QR này không phải mã trên giấy hẹn. Hãy đưa mã QR in trên giấy tiếp nhận hồ sơ.';

/** `{unit code}-{yyMMdd}-{NNNN}` (DESIGN §4), e.g. `000.00.20.H15-261128-0001`. */
const DOSSIER_CODE = /^[0-9A-Z]+(\.[0-9A-Z]+)*-\d{6}-\d{4,}$/;
const LOOKUP_KEY = /^[0-9A-Z]{4,12}$/;

/**
 * Reads the receipt's QR: the lookup URL `…/tra-cuu?code=&key=` (Form 01, any host, so a
 * receipt printed under an older address still works) or a bare dossier code. Anything else
 * (a payment QR, a web site) is not a receipt and gives `undefined`.
 */
export function parseScannedLookup(text: string): ScannedLookup | undefined {
  const trimmed = text.trim();
  const bare = trimmed.toUpperCase();
  if (DOSSIER_CODE.test(bare)) return { code: bare };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  const code = url.searchParams.get('code')?.trim().toUpperCase();
  if (!code || !DOSSIER_CODE.test(code)) return undefined;
  const key = url.searchParams.get('key')?.trim().toUpperCase();
  return key && LOOKUP_KEY.test(key) ? { code, key } : { code };
}
