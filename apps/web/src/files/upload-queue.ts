import type { StoredFile } from './files.api';
import { precheckFile } from './file-format';

/** One file in the uploader's queue: waiting, sending (with progress), stored, or refused. */
export interface QueueItem {
  id: string;
  file: File;
  /** The upload's Idempotency-Key: the same for each "Thử lại" of this file, so it is stored once. */
  key: string;
  status: 'pending' | 'uploading' | 'done' | 'error';
  /** 0..1 of the bytes sent. */
  progress: number;
  errorCode?: string;
  /** The refusal in Vietnamese, as the server's code and details say it. */
  message?: string;
  /** Whether "Thử lại" can help: not for a file whose content or size the server refused. */
  retryable?: boolean;
  stored?: StoredFile[];
}

/** Codes a retry of the same bytes cannot fix: the officer must pick another file. */
const FINAL_CODES = new Set([
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_TYPE_HEIC',
  'UNSUPPORTED_MEDIA_TYPE',
  'FILE_NAME_INVALID',
]);

let counter = 0;
const localId = () => `q${Date.now().toString(36)}${(counter++).toString(36)}`;
/** A fresh key (crypto.randomUUID needs a secure context: https or localhost, as the app is served). */
const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${localId()}-${Math.random().toString(36).slice(2)}`;

/** Queues files; one the quick look refuses (empty, not PDF/JPEG/PNG) is shown refused at once, never sent. */
export function enqueue(items: QueueItem[], files: File[]): QueueItem[] {
  const added = files.map((file): QueueItem => {
    const refused = precheckFile(file);
    const base = { id: localId(), file, key: newKey(), progress: 0 };
    return refused
      ? { ...base, status: 'error', errorCode: refused, retryable: false }
      : { ...base, status: 'pending' };
  });
  return [...items, ...added];
}

/** The next file to send: one at a time, in the order picked (a phone's upload link is narrow). */
export function nextPending(items: QueueItem[]): QueueItem | undefined {
  if (items.some((i) => i.status === 'uploading')) return undefined;
  return items.find((i) => i.status === 'pending');
}

export function patch(items: QueueItem[], id: string, change: Partial<QueueItem>): QueueItem[] {
  return items.map((i) => (i.id === id ? { ...i, ...change } : i));
}

/** A failed send: retryable unless the server refused the file itself. */
export function failed(items: QueueItem[], id: string, code: string, message?: string): QueueItem[] {
  return items.map((i) =>
    i.id === id
      ? { ...i, status: 'error', errorCode: code, message, retryable: !FINAL_CODES.has(code), progress: 0 }
      : i,
  );
}

export function retry(items: QueueItem[], id: string): QueueItem[] {
  return patch(items, id, { status: 'pending', errorCode: undefined, message: undefined, progress: 0 });
}

/** Counts for the summary line and for "may the officer leave": waiting or sending, stored, refused. */
export function queueCounts(items: QueueItem[]): { busy: number; done: number; failed: number } {
  return {
    busy: items.filter((i) => i.status === 'pending' || i.status === 'uploading').length,
    done: items.filter((i) => i.status === 'done').length,
    failed: items.filter((i) => i.status === 'error').length,
  };
}
