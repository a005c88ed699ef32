import { describe, expect, it } from '@jest/globals';
import { enqueue, failed, nextPending, patch, queueCounts, retry } from './upload-queue';

/** Node 20 has File; the queue only reads name, size and type. */
const file = (name: string, size: number, type: string) => new File([new Uint8Array(size)], name, { type });

describe('upload queue', () => {
  it('queues files in order, refusing an empty one at once without sending it', () => {
    const items = enqueue([], [file('a.pdf', 3, 'application/pdf'), file('empty.pdf', 0, 'application/pdf'), file('b.png', 2, 'image/png')]);
    expect(items.map((i) => [i.file.name, i.status, i.errorCode ?? null])).toEqual([
      ['a.pdf', 'pending', null],
      ['empty.pdf', 'error', 'FILE_EMPTY'],
      ['b.png', 'pending', null],
    ]);
    expect(items[1].retryable).toBe(false);
    expect(new Set(items.map((i) => i.key)).size).toBe(3);
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

  it('keeps the Idempotency-Key after an unanswered send, and makes a new one after a refusal', () => {
    let items = enqueue([], [file('a.pdf', 3, 'application/pdf'), file('b.pdf', 3, 'application/pdf')]);
    const [a, b] = items;
    items = failed(items, a.id, 0, 'NETWORK_ERROR', 'mất mạng');
    items = failed(items, b.id, 429, 'TOO_MANY_REQUESTS');
    expect(items[0]).toMatchObject({ status: 'error', key: a.key, retryable: true, message: 'mất mạng' });
    expect(items[1].key).not.toBe(b.key);
    items = retry(items, a.id);
    expect(items[0]).toMatchObject({ status: 'pending', key: a.key, errorCode: undefined, message: undefined });
  });

  it('offers no retry for a file whose content or size was refused', () => {
    const items = enqueue([], [file('x.pdf', 3, 'application/pdf')]);
    for (const code of ['FILE_TOO_LARGE', 'FILE_TYPE_NOT_ALLOWED', 'FILE_NAME_INVALID']) {
      expect(failed(items, items[0].id, 400, code)[0].retryable).toBe(false);
    }
    expect(failed(items, items[0].id, 500, 'INTERNAL_ERROR')[0].retryable).toBe(true);
  });
});
