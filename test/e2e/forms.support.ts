import jsQR from 'jsqr';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Api } from './workflow.helpers';

/** GET a PDF as a Buffer (superagent does not buffer application/pdf by itself). */
export const getPdf = (api: Api, path: string) =>
  api
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

// The library file, not the package index: the index runs a self-test when it has no parent module (as under jest).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

/** The PDF's text, as a reader's copy-paste would give it. */
export async function textOf(pdf: Buffer): Promise<string> {
  return (await pdfParse(pdf)).text;
}

/** The PDF's text with every run of white space (line wraps included) as one space, to find whole sentences. */
export async function flatTextOf(pdf: Buffer): Promise<string> {
  return (await textOf(pdf)).replace(/\s+/g, ' ');
}

/**
 * Page 1 rendered to PNG by poppler's `pdftoppm`. Throws when poppler-utils is missing (`.ci/run`
 * installs it): a QR check that skips where the tool is absent could pass without ever looking.
 */
export function renderFirstPage(pdf: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-forms-'));
  writeFileSync(join(dir, 'form.pdf'), pdf);
  try {
    execFileSync(
      'pdftoppm',
      ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', join(dir, 'form.pdf'), join(dir, 'page')],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'pdftoppm not found: install poppler-utils (apt-get install poppler-utils) to check the printed QR codes'
        : `pdftoppm failed: ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
    );
  }
  return readFileSync(join(dir, 'page.png'));
}

/** Decodes the QR code in a PNG. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** Keeps a copy of a printed form in `FORMS_PDF_DIR` (set it to look at the forms). */
export function keepForm(name: string, pdf: Buffer): void {
  if (process.env.FORMS_PDF_DIR) writeFileSync(join(process.env.FORMS_PDF_DIR, name), pdf);
}
