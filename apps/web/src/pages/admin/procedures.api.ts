import type { Page } from '../../api/api.types';
import { ApiError, request, tokenStore } from '../../api/client';

export const PROCEDURE_LEVELS = ['province', 'district', 'commune'] as const;
export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface RequiredDocument {
  code: string;
  name: string;
  kind: 'original' | 'certified_copy' | 'copy';
  required: boolean;
}

/** Exactly one of the three forms (`LEGAL_TIME_INVALID` otherwise). */
export type LegalTime = { days: number } | { hours: number } | { sameDay: true };

/** A catalog entry as administrators see it (`/api/admin/procedures`). */
export interface Procedure {
  code: string;
  name: string;
  field: string;
  level: string;
  legalTime: LegalTime;
  fee: number;
  feeRules: string | null;
  requiredDocuments: RequiredDocument[];
  formTemplates: { name: string; file: string }[];
  processKey: string;
  processVersion: number | null;
  channels: Channel[];
  published: boolean;
  /** The citizen may download the result file on /tra-cuu with the code and lookup key. */
  electronicResult?: boolean;
  /** The unit whose administrators (and those above) manage it; null: the province. */
  ownerUnitCode?: string | null;
}

export type ProcedureInput = Omit<Procedure, 'code'> & { code?: string };

export interface ProcedureFilter {
  q?: string;
  published?: 'true' | 'false';
  limit: number;
  offset: number;
}

const path = (code: string) => `/api/admin/procedures/${encodeURIComponent(code)}`;

/** Multipart upload with the stored token; errors as {@link ApiError}, like `request`. */
async function upload<T>(url: string, form: FormData): Promise<T> {
  const token = tokenStore.get();
  const response = await fetch(url, { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.code ?? `HTTP_${response.status}`, body.message ?? 'Tải tệp lên không thành công.', body.details);
  return body as T;
}

/** The catalog endpoints of the admin API. */
export const proceduresApi = {
  list: (filter: ProcedureFilter) => request<Page<Procedure>>('/api/admin/procedures', { query: { ...filter } }),
  create: (body: ProcedureInput) => request<Procedure>('/api/admin/procedures', { method: 'POST', body }),
  update: (code: string, body: ProcedureInput) => request<Procedure>(path(code), { method: 'PUT', body: { ...body, code: undefined } }),
  setPublished: (code: string, published: boolean) => request<Procedure>(`${path(code)}/${published ? 'publish' : 'unpublish'}`, { method: 'POST' }),
  exportCatalog: () => request<unknown[]>('/api/admin/procedures/export'),
  importCatalog: (entries: unknown) => request<{ created: string[]; updated: string[] }>('/api/admin/procedures/import', { method: 'POST', body: entries }),
  uploadForm: (code: string, file: File, name?: string) => {
    const form = new FormData();
    form.append('file', file);
    if (name) form.append('name', name);
    return upload<Procedure>(`${path(code)}/forms`, form);
  },
};

/** "3 ngày làm việc", "4 giờ làm việc", "Trong ngày". */
export function legalTimeLabel(time: LegalTime): string {
  if ('sameDay' in time) return 'Trong ngày';
  if ('days' in time) return `${time.days} ngày làm việc`;
  return `${time.hours} giờ làm việc`;
}
