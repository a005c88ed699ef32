import { ApiError, request, tokenStore } from '../../api/client';
import type { operations } from '../../api/schema.gen';
import type { Schemas } from '../../api/schemas';

export const PROCEDURE_LEVELS = [
  'province',
  'district',
  'commune',
] as const satisfies readonly Schemas['ProcedureLevel'][];
export const CHANNELS = ['direct', 'online', 'postal'] as const satisfies readonly Schemas['Channel'][];
export type Channel = Schemas['Channel'];
export type RequiredDocument = Schemas['RequiredDocumentDto'];
/** Exactly one of `{days}`, `{hours}`, `{sameDay: true}` (`LEGAL_TIME_INVALID` otherwise). */
export type LegalTime = Schemas['LegalTimeDto'];
/** A catalog entry as administrators see it (`/api/admin/procedures`). */
export type Procedure = Schemas['ProcedureDto'];
/** `POST /api/admin/procedures` (with `code`) and `PUT …/:code` (without). */
export type ProcedureInput = Schemas['ProcedureBodyDto'] & { code?: string };
export type ProcedureFilter = NonNullable<operations['AdminProceduresController_list']['parameters']['query']> & {
  limit: number;
  offset: number;
};

const path = (code: string) => `/api/admin/procedures/${encodeURIComponent(code)}`;

/** Multipart upload with the stored token; errors as {@link ApiError}, like `request`. */
async function upload<T>(url: string, form: FormData): Promise<T> {
  const token = tokenStore.get();
  const response = await fetch(url, {
    method: 'POST',
    body: form,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok)
    throw new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? 'Tải tệp lên không thành công.',
      body.details,
    );
  return body as T;
}

/** The catalog endpoints of the admin API. */
export const proceduresApi = {
  list: (filter: ProcedureFilter) =>
    request<Schemas['ProcedureListDto']>('/api/admin/procedures', { query: { ...filter } }),
  create: (body: ProcedureInput) => request<Procedure>('/api/admin/procedures', { method: 'POST', body }),
  update: (code: string, body: ProcedureInput) =>
    request<Procedure>(path(code), { method: 'PUT', body: { ...body, code: undefined } }),
  setPublished: (code: string, published: boolean) =>
    request<Procedure>(`${path(code)}/${published ? 'publish' : 'unpublish'}`, { method: 'POST' }),
  exportCatalog: () => request<Procedure[]>('/api/admin/procedures/export'),
  importCatalog: (entries: unknown) =>
    request<Schemas['CatalogImportResultDto']>('/api/admin/procedures/import', { method: 'POST', body: entries }),
  uploadForm: (code: string, file: File, name?: string) => {
    const form = new FormData();
    form.append('file', file);
    if (name) form.append('name', name);
    return upload<Procedure>(`${path(code)}/forms`, form);
  },
};

/** "3 ngày làm việc", "4 giờ làm việc", "Trong ngày". */
export function legalTimeLabel(time: LegalTime): string {
  if (time.sameDay) return 'Trong ngày';
  if (time.days !== undefined) return `${time.days} ngày làm việc`;
  return `${time.hours} giờ làm việc`;
}
