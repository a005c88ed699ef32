import { ApiError, request, tokenStore } from '../api/client';
import type { Schemas } from '../api/schemas';

/** Where a file belongs in the case file: a listed document, a step's attachment, or the result. */
export type FileKind = Schemas['FileKind'];

/** A stored file's descriptor (libs/files README): the bytes are fetched by id. */
export type StoredFile = Schemas['DossierFileDto'];

/** What a file list shows: a result file as the citizen sees it, or an officer's full descriptor. */
export type ListedFile = Schemas['PublicResultFileDto'] & Partial<Pick<StoredFile, 'uploadedBy'>>;

/** What an upload is for (the fields sent in the upload's query). */
export interface UploadTarget {
  dossierCode: string;
  kind: FileKind;
  documentKey?: string;
  taskId?: string;
}

const dossierPath = (code: string) => `/api/dossiers/${encodeURIComponent(code)}/files`;

/** `GET /api/dossiers/:code/files`: every file of the dossier the officer may see. */
export async function listDossierFiles(code: string): Promise<StoredFile[]> {
  return (await request<Schemas['DossierFileListDto']>(dossierPath(code))).items;
}

/** A running upload: `done` settles with the stored files or an {@link ApiError}; `abort()` stops it. */
export interface UploadHandle {
  done: Promise<StoredFile[]>;
  abort(): void;
}

const RAW_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * Sends one file as the raw request body (ADR 0009: the fields in the query, its name in
 * `X-File-Name`; no multipart framing for the server to search) with XMLHttpRequest, whose upload
 * events give progress. `idempotencyKey` is the queue item's own: "Thử lại" after an answer lost
 * on the way back sends the same key and gets the first answer, never a second copy.
 */
export function uploadFile(
  target: UploadTarget,
  file: File,
  onProgress: (fraction: number) => void,
  idempotencyKey?: string,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<StoredFile[]>((resolve, reject) => {
    const query = new URLSearchParams({ kind: target.kind });
    if (target.documentKey) query.set('documentKey', target.documentKey);
    if (target.taskId) query.set('taskId', target.taskId);
    xhr.open('POST', `${dossierPath(target.dossierCode)}?${query}`);
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    // The server reads the type from the bytes; this only says "a file, not multipart".
    xhr.setRequestHeader('Content-Type', RAW_TYPES.has(file.type) ? file.type : 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    if (idempotencyKey) xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300)
        return resolve((payload as Schemas['UploadedFilesDto'] | undefined)?.items ?? []);
      const error = (payload ?? {}) as { code?: string; message?: string; details?: unknown };
      reject(new ApiError(xhr.status, error.code ?? `HTTP_${xhr.status}`, error.message ?? '', error.details));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ.'));
    xhr.onabort = () => reject(new ApiError(0, 'UPLOAD_CANCELLED', 'Đã hủy tải lên.'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

const resultsPath = (code: string) => `/api/public/dossiers/${encodeURIComponent(code.trim().toUpperCase())}/results`;

/** Where a file is downloaded from: the officer's route (bearer token), or the citizen's (code + lookup key, results only). */
export function fileDownloadPath(dossierCode: string, fileId: string, lookupKey?: string): string {
  if (lookupKey)
    return `${resultsPath(dossierCode)}/${encodeURIComponent(fileId)}?key=${encodeURIComponent(lookupKey.trim().toUpperCase())}`;
  return `${dossierPath(dossierCode)}/${encodeURIComponent(fileId)}`;
}

/** The citizen's view of the result (`GET /api/public/dossiers/:code/results?key=`): no files until it is `ready`. */
export type PublicResults = Schemas['PublicResultListDto'];

/**
 * The result files the citizen may download with code + key; `null` when the procedure returns
 * its result on paper only (403 `ELECTRONIC_RESULT_NOT_ALLOWED`). Other errors are thrown.
 */
export async function listPublicResults(code: string, lookupKey: string): Promise<PublicResults | null> {
  try {
    return await request<PublicResults>(resultsPath(code), { query: { key: lookupKey.trim().toUpperCase() } });
  } catch (cause) {
    if (cause instanceof ApiError && cause.code === 'ELECTRONIC_RESULT_NOT_ALLOWED') return null;
    throw cause;
  }
}

/** The file's bytes with the officer's bearer token (a plain link cannot carry it); {@link ApiError} with the server's code. */
async function fetchDossierFile(dossierCode: string, fileId: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(fileDownloadPath(dossierCode, fileId), {
      headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}` },
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ.', cause);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(response.status, body.code ?? `HTTP_${response.status}`, body.message ?? '', body.details);
  }
  return response.blob();
}

/**
 * Opens a file (a scan, a PDF) in a new tab to look at. The tab is opened first, inside the
 * click, so that popup blockers let it through; the blob keeps the sniffed type, so PDFs and
 * images show in the browser's own viewer.
 */
export async function viewDossierFile(dossierCode: string, file: Pick<StoredFile, 'id'>): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await fetchDossierFile(dossierCode, file.id));
    if (tab) tab.location.href = url;
    else window.location.assign(url);
  } catch (cause) {
    tab?.close();
    throw cause;
  }
}

/** Downloads a file with the officer's bearer token, saved under its own name. */
export async function downloadDossierFile(
  dossierCode: string,
  file: Pick<StoredFile, 'id' | 'fileName'>,
): Promise<void> {
  const url = URL.createObjectURL(await fetchDossierFile(dossierCode, file.id));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the save before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
