import QRCode from 'qrcode';
import { setting } from '../../../config/src';

/** The public lookup page; `PUBLIC_URL` is where the web app is served (required in production). */
export function lookupUrl(code: string, lookupKey?: string): string {
  const base = setting('PUBLIC_URL')!.replace(/\/+$/, '');
  const query = new URLSearchParams({ code });
  if (lookupKey) query.set('key', lookupKey);
  return `${base}/tra-cuu?${query.toString()}`;
}

/** How the forms draw the QR: a PNG whose error correction M survives a creased paper receipt. */
export const QR_PNG_OPTIONS = { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 6 } as const;

/** The name the forms give the lookup QR among the document's images (drawn in the PDF worker). */
export const LOOKUP_QR_IMAGE = 'lookupQr';

/** The QR code of `url` as a PNG, the one the forms print. */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, QR_PNG_OPTIONS);
}
