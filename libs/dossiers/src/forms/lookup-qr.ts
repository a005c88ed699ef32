import QRCode from 'qrcode';

/** The public lookup page; `PUBLIC_URL` is where the web app is served. */
export function lookupUrl(code: string, lookupKey?: string): string {
  const base = (process.env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const query = new URLSearchParams({ code });
  if (lookupKey) query.set('key', lookupKey);
  return `${base}/tra-cuu?${query.toString()}`;
}

/** The QR code of `url` as a PNG (error correction M survives a creased paper receipt). */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 6 });
}

/** The QR code as a data URL, the form pdfmake embeds. */
export async function qrDataUrl(url: string): Promise<string> {
  return `data:image/png;base64,${(await qrPng(url)).toString('base64')}`;
}
