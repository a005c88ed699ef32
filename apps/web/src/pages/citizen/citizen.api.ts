import { ApiError, citizenTokenStore, request } from '../../api/client';
import type { Schemas } from '../../api/schemas';

/** Citizens' API (libs/citizens, libs/tracking; ADR 0027): every call carries the citizen's token, never an officer's. */
export type CitizenDossierSummary = Schemas['CitizenDossierSummaryDto'];
export type CitizenDossier = Schemas['CitizenDossierDto'];
export type CitizenResults = Schemas['PublicResultListDto'];

export function askCode(phone: string): Promise<Schemas['CitizenCodeSentDto']> {
  return request('/api/citizen/auth/code', { method: 'POST', body: { phone }, as: 'citizen' });
}

export async function verifyCode(phone: string, code: string): Promise<void> {
  const { token, expiresAt } = await request<Schemas['CitizenTokenDto']>('/api/citizen/auth/verify', {
    method: 'POST',
    body: { phone, code },
    as: 'citizen',
  });
  citizenTokenStore.set(token, expiresAt);
}

export async function signOut(): Promise<void> {
  try {
    await request('/api/citizen/auth/sign-out', { method: 'POST', as: 'citizen' });
  } finally {
    citizenTokenStore.clear();
  }
}

export const me = () => request<Schemas['CitizenMeDto']>('/api/citizen/me', { as: 'citizen' });

export const myDossiers = () => request<Schemas['CitizenDossierListDto']>('/api/citizen/dossiers', { as: 'citizen' });

const dossierPath = (code: string) => `/api/citizen/dossiers/${encodeURIComponent(code.trim().toUpperCase())}`;

export const myDossier = (code: string) => request<CitizenDossier>(dossierPath(code), { as: 'citizen' });

/** The result files; `null` when the procedure returns its result on paper only. */
export async function myResults(code: string): Promise<CitizenResults | null> {
  try {
    return await request<CitizenResults>(`${dossierPath(code)}/results`, { as: 'citizen' });
  } catch (cause) {
    if (cause instanceof ApiError && cause.code === 'ELECTRONIC_RESULT_NOT_ALLOWED') return null;
    throw cause;
  }
}

/** Downloads a result file with the citizen's token (a plain link cannot carry it) and saves it under its name. */
export async function downloadResult(code: string, fileId: string, fileName: string): Promise<void> {
  const response = await fetch(`${dossierPath(code)}/results/${encodeURIComponent(fileId)}`, {
    headers: { Authorization: `Bearer ${citizenTokenStore.get() ?? ''}` },
  });
  if (!response.ok) throw new ApiError(response.status, `HTTP_${response.status}`, 'Không tải được tệp kết quả.');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whether a citizen is signed in in this tab. */
export const signedIn = () => citizenTokenStore.get() !== null;
