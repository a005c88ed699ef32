import { ApiError, request, tokenStore } from '../../api/client';
import type { Schemas } from '../../api/schemas';

/** A document the applicant brings, from the catalog. */
export type RequiredDocument = Schemas['RequiredDocumentDto'];
/** A catalog entry (`GET /api/procedures`). */
export type Procedure = Schemas['ProcedureDto'];
export type ApplicantInput = Schemas['ApplicantDto'];
/** `POST /api/dossiers`'s body. */
export type ReceptionInput = Schemas['ReceiveDossierDto'];
/** The reception's answer: the lookup key is shown only here, print it now. */
export type Reception = Schemas['ReceptionResultDto'];

export const KIND_LABELS: Record<RequiredDocument['kind'], string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  copy: 'Bản sao',
};

export async function listProcedures(): Promise<Procedure[]> {
  return (await request<Schemas['ProcedureListDto']>('/api/procedures', { query: { limit: 200 } })).items;
}

export function receiveDossier(body: ReceptionInput): Promise<Reception> {
  return request<Reception>('/api/dossiers', { method: 'POST', body });
}

/**
 * Opens Form 01 in a new tab. The PDF needs the bearer token, so it is fetched and shown as a
 * blob; the tab is opened first, inside the click, so that popup blockers let it through.
 */
export async function openReceiptPdf(code: string, lookupKey?: string): Promise<void> {
  const tab = window.open('', '_blank');
  const query = lookupKey ? `?key=${encodeURIComponent(lookupKey)}` : '';
  const response = await fetch(`/api/dossiers/${encodeURIComponent(code)}/receipt.pdf${query}`, {
    headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}`, Accept: 'application/pdf' },
  });
  if (!response.ok) {
    tab?.close();
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? 'Không in được giấy tiếp nhận.',
    );
  }
  const url = URL.createObjectURL(await response.blob());
  if (tab) tab.location.href = url;
  else window.location.assign(url);
}

/** The applicant's faults in Vietnamese (400 `APPLICANT_INVALID` carries one `{field, message}` per field); else the error's own text. */
export function receptionErrorMessage(cause: unknown): string {
  if (cause instanceof ApiError && cause.code === 'APPLICANT_INVALID' && Array.isArray(cause.details)) {
    const lines = cause.details
      .map((d: { message?: unknown }) => d?.message)
      .filter((m): m is string => typeof m === 'string');
    if (lines.length) return lines.join('; ');
  }
  return cause instanceof Error ? cause.message : String(cause);
}
