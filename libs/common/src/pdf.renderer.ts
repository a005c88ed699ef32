import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * pdfmake lays a page out synchronously: a receipt with long unbroken names held the event loop
 * 230–370 ms, every other request waiting (issue 15, item 1). The layout runs in worker threads
 * instead. The worker's code is plain JavaScript kept here as text (`eval`), so the same code runs
 * from dist/ and from the TypeScript sources under jest, where a worker could not load a .ts file.
 * It requires only pdfmake and qrcode (QR images are drawn there too), with pdfmake's own Roboto (it carries the Vietnamese diacritics), reads
 * only those font files and fetches no URL (the QR is an inline data URL).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { join } = require('node:path');
const pdfmake = require(workerData.pdfmake);
const QRCode = require(workerData.qrcode);
const fonts = workerData.fonts;
pdfmake.setFonts({ Roboto: { normal: join(fonts, 'Roboto-Regular.ttf'), bold: join(fonts, 'Roboto-Medium.ttf'), italics: join(fonts, 'Roboto-Italic.ttf'), bolditalics: join(fonts, 'Roboto-MediumItalic.ttf') } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fonts));
parentPort.on('message', async ({ id, doc, footer, qrImages }) => {
  try {
    for (const [name, qr] of Object.entries(qrImages)) {
      doc.images = { ...doc.images, [name]: 'data:image/png;base64,' + (await QRCode.toBuffer(qr.text, qr.options)).toString('base64') };
    }
    if (footer) doc.footer = (page, pages) => ({ ...footer, text: footer.text.replace('{page}', page).replace('{pages}', pages) });
    const pdf = await pdfmake.createPdf(doc).getBuffer();
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
    parentPort.postMessage({ id, pdf: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
});
`;

const MODULES = { pdfmake: require.resolve('pdfmake'), qrcode: require.resolve('qrcode') };
const FONTS = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
/** One worker per core but the one the server runs on, at most two: PDFs are printed one at a time per desk. */
const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism() - 1));

/** What a document needs beyond its definition, as data: a function cannot cross to the worker. */
export interface PdfExtras {
  /** A footer on every page, `{page}` and `{pages}` in its text replaced. */
  footer?: Record<string, unknown> & { text: string };
  /** QR codes drawn as PNG (qrcode's `toBuffer` options) into the document's `images` under their names. */
  qrImages?: Record<string, { text: string; options: Record<string, unknown> }>;
}

interface Job {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

class PdfWorker {
  private worker?: Worker;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;

  get load(): number {
    return this.jobs.size;
  }

  render(doc: TDocumentDefinitions, extras: PdfExtras): Promise<Buffer> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      // Kept referenced only while it has work: an idle worker does not hold the process open.
      worker.ref();
      worker.postMessage({ id, doc, footer: extras.footer, qrImages: extras.qrImages ?? {} });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...MODULES, fonts: FONTS } });
    worker.unref();
    worker.on('message', ({ id, pdf, error }: { id: number; pdf?: Uint8Array; error?: string }) => {
      const job = this.jobs.get(id);
      this.jobs.delete(id);
      if (this.jobs.size === 0) worker.unref();
      if (error !== undefined || !pdf) job?.reject(new Error(`PDF rendering failed: ${error}`));
      else job?.resolve(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    });
    // A worker that dies fails its jobs; the next document starts a new one.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const job of this.jobs.values()) job.reject(error);
      this.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`PDF worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}

const pool = Array.from({ length: POOL_SIZE }, () => new PdfWorker());

/** The document as PDF bytes, laid out in a worker thread (the definition must hold data only, no functions). */
export function renderPdf(doc: TDocumentDefinitions, extras: PdfExtras = {}): Promise<Buffer> {
  const idle = pool.reduce((best, worker) => (worker.load < best.load ? worker : best));
  return idle.render(doc, extras);
}
