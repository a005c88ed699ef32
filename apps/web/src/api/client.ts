import type { ApiErrorBody } from './api.types';
import { idempotencyKeyFor, settleIdempotencyKey } from './idempotency-keys';

const TOKEN_KEY = 'motcua.accessToken';

/** An error answered by the server (or a network failure, code `NETWORK_ERROR`). */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Where the bearer token lives between page loads. */
export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string): void => localStorage.setItem(TOKEN_KEY, token),
  clear: (): void => localStorage.removeItem(TOKEN_KEY),
};

const CITIZEN_TOKEN_KEY = 'motcua.citizenToken';

/**
 * A citizen's session (ADR 0027): in sessionStorage, apart from the officer's token, so it ends
 * with the tab and never rides on a staff request (nor the staff token on a citizen's).
 */
export const citizenTokenStore = {
  get: (): string | null => {
    const token = sessionStorage.getItem(CITIZEN_TOKEN_KEY);
    const until = Number(sessionStorage.getItem(`${CITIZEN_TOKEN_KEY}.until`) ?? 0);
    return token && until > Date.now() ? token : null;
  },
  set: (token: string, expiresAt: string): void => {
    sessionStorage.setItem(CITIZEN_TOKEN_KEY, token);
    sessionStorage.setItem(`${CITIZEN_TOKEN_KEY}.until`, String(new Date(expiresAt).getTime()));
  },
  clear: (): void => {
    sessionStorage.removeItem(CITIZEN_TOKEN_KEY);
    sessionStorage.removeItem(`${CITIZEN_TOKEN_KEY}.until`);
  },
};

let onUnauthorized: () => void = () => undefined;

/** Called when an authenticated request gets 401 (expired or revoked token). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sends `body` (a string) as is with this content type, e.g. `text/xml`, instead of JSON. */
  contentType?: string;
  /** `citizen`: the citizen's token (if any) instead of the officer's; a 401 is left to the citizen's page. */
  as?: 'citizen';
  /** A citizen's POST that must not be done twice (an online submission): the key its retries repeat. */
  idempotencyKey?: string;
}

/** JSON request to the API with the stored bearer token; throws {@link ApiError}. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  return (await readJson(response)) as T;
}

/** A request whose answer is text (e.g. BPMN XML); errors are still read as JSON. */
export async function requestText(path: string, options: RequestOptions = {}): Promise<string> {
  const response = await send(path, options, 'text/xml, text/plain, */*');
  return response.text();
}

async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const citizen = options.as === 'citizen';
  const token = citizen ? citizenTokenStore.get() : tokenStore.get();
  const headers: Record<string, string> = { Accept: accept };
  if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const raw = options.contentType !== undefined && typeof options.body === 'string';
  const method = options.method ?? 'GET';
  const body = options.body === undefined ? undefined : raw ? (options.body as string) : JSON.stringify(options.body);
  const url = withQuery(path, options.query);
  // Every POST is one user action: a retry of it (same request, no definitive answer yet) reuses its key.
  const keyed = method === 'POST' && token !== null && !citizen;
  if (keyed) headers['Idempotency-Key'] = idempotencyKeyFor(url, body ?? '');
  else if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.', cause);
  }
  if (response.ok) {
    if (keyed) settleIdempotencyKey(url, body ?? '', response.status);
    return response;
  }

  const payload = await readJson(response);
  const error = await toApiError(response.status, payload);
  if (keyed) settleIdempotencyKey(url, body ?? '', response.status, error.code);
  // A 401 on login itself means wrong credentials; only a rejected token sends the user back.
  if (response.status === 401 && token && !citizen) onUnauthorized();
  throw error;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The Vietnamese sentences of every error code (≈ 5 KB gzipped) come with the first error answer,
 * not with every page: a citizen's first load stays within 200 KB (issue 18). Staff pages that
 * import them statically share the same chunk.
 */
const loadMessages = () => Promise.all([import('./error-messages'), import('./field-limit.messages')]);

async function toApiError(status: number, payload: unknown): Promise<ApiError> {
  const body = (payload ?? {}) as Partial<ApiErrorBody>;
  const code = body.code ?? `HTTP_${status}`;
  // The server's `message` is for developers (often English) and is never shown: the app's own
  // sentence for the code (error-messages.ts), else one for the status. A too-long field is the
  // one validation fault a user makes by typing: it names the field and its maximum.
  let message: string | undefined;
  try {
    const [{ errorMessage }, { fieldLimitMessage }] = await loadMessages();
    const limits = code === 'VALIDATION_FAILED' ? fieldLimitMessage(body.details) : undefined;
    message = limits ?? errorMessage(code, body.details);
  } catch {
    // the sentences could not be fetched (the connection dropped): the status's own sentence
  }
  return new ApiError(status, code, message ?? fallbackMessage(status), body.details);
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.';
  if (status === 403) return 'Bạn không có quyền thực hiện thao tác này.';
  if (status === 404) return 'Không tìm thấy dữ liệu yêu cầu.';
  if (status >= 500) return 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.';
  return `Yêu cầu không thành công (mã ${status}).`;
}
