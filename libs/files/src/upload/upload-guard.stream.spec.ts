import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { UploadGuardStream } from './upload-guard.stream';

const through = (chunks: Buffer[], max = 100) => {
  const guard = new UploadGuardStream(max);
  return { guard, done: buffer(Readable.from(chunks).pipe(guard)) };
};

describe('UploadGuardStream', () => {
  it('passes a PDF through unchanged, sniffing its type across chunks of one byte', async () => {
    const pdf = Buffer.from('%PDF-1.4 hello');
    const { guard, done } = through([...pdf].map((b) => Buffer.from([b])));
    expect(await done).toEqual(pdf);
    expect(guard.contentType).toBe('application/pdf');
  });

  it('refuses at the first byte past the limit', async () => {
    const { done } = through([Buffer.from('%PDF-'), Buffer.alloc(96)], 100);
    await expect(done).rejects.toMatchObject({ status: 413, code: 'FILE_TOO_LARGE' });
  });

  it('accepts exactly the limit', async () => {
    const { done } = through([Buffer.from('%PDF-'), Buffer.alloc(95)], 100);
    expect((await done).length).toBe(100);
  });

  it.each([
    ['empty', [], 'FILE_EMPTY'],
    ['an executable', [Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04', 'latin1')], 'FILE_TYPE_NOT_ALLOWED'],
    ['shorter than any signature', [Buffer.from('%PD')], 'FILE_TYPE_NOT_ALLOWED'],
  ])('refuses %s', async (_name, chunks, code) => {
    await expect(through(chunks as Buffer[]).done).rejects.toMatchObject({ code });
  });
});
