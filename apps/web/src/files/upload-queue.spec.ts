import { describe, expect, it } from '@jest/globals';
import { enqueue, failed, nextPending, patch, queueCounts, retry } from './upload-queue';

/** Node 20 has File; the queue only reads name, size and type. */
const file = (name: string, size: number, type: string) => new File([new Uint8Array(size)], name, { type });

describe('upload queue', () => {
  it('queues files in order, refusing an empty one at once without sending it', () => {
    const items = enqueue(
      [],
      [file('a.pdf', 3, 'application/pdf'), file('empty.pdf', 0, 'application/pdf'), file('b.png', 2, 'image/png')],
    );
    expect(items.map((i) => [i.file.name, i.status, i.errorCode ?? null])).toEqual([
      ['a.pdf', 'pending', null],
      ['empty.pdf', 'error', 'FILE_EMPTY'],
      ['b.png', 'pending', null],
    ]);
    expect(items[1].retryable).toBe(false);
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
  });

  it('sends one file at a time', () => {
    let items = enqueue([], [file('a.pdf', 3, 'application/pdf'), file('b.png', 2, 'image/png')]);
    expect(nextPending(items)?.file.name).toBe('a.pdf');
    items = patch(items, items[0].id, { status: 'uploading' });
    expect(nextPending(items)).toBeUndefined();
    items = patch(items, items[0].id, { status: 'done' });
    expect(nextPending(items)?.file.name).toBe('b.png');
    expect(queueCounts(items)).toEqual({ busy: 1, done: 1, failed: 0 });
  });

  it('retries a failed send from the start, keeping its place in the queue', () => {
    let items = enqueue([], [file('a.pdf', 3, 'application/pdf'), file('b.pdf', 3, 'application/pdf')]);
    const [a] = items;
    items = patch(items, a.id, { status: 'uploading', progress: 0.5 });
    items = failed(items, a.id, 'NETWORK_ERROR', 'mất mạng');
    expect(items[0]).toMatchObject({ status: 'error', retryable: true, message: 'mất mạng', progress: 0 });
    expect(nextPending(items)?.file.name).toBe('b.pdf');
    items = retry(items, a.id);
    expect(items[0]).toMatchObject({ status: 'pending', errorCode: undefined, message: undefined });
    expect(nextPending(items)?.file.name).toBe('a.pdf');
  });

  it('gives each file its own Idempotency-Key and keeps it for "Thử lại", so a lost answer is not a second copy', () => {
    let items = enqueue([], [file('a.pdf', 3, 'application/pdf'), file('a.pdf', 3, 'application/pdf')]);
    expect(items[0].key).toEqual(expect.any(String));
    expect(items[0].key).not.toBe(items[1].key);
    const key = items[0].key;
    items = failed(items, items[0].id, 'NETWORK_ERROR');
    items = retry(items, items[0].id);
    expect(items[0].key).toBe(key);
  });

  it('offers no retry for a file whose content or size was refused', () => {
    const items = enqueue([], [file('x.pdf', 3, 'application/pdf')]);
    for (const code of ['FILE_TOO_LARGE', 'FILE_TYPE_NOT_ALLOWED', 'FILE_NAME_INVALID']) {
      expect(failed(items, items[0].id, code)[0].retryable).toBe(false);
    }
    expect(failed(items, items[0].id, 'INTERNAL_ERROR')[0].retryable).toBe(true);
  });
});
