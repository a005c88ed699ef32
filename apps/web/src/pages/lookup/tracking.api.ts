import { request } from '../../api/client';
import type { Schemas } from '../../api/schemas';

/** `GET /api/public/dossiers/:code?key=` (libs/tracking). */
export type PublicDossier = Schemas['PublicDossierDto'];

export function lookupDossier(code: string, key?: string): Promise<PublicDossier> {
  return request<PublicDossier>(`/api/public/dossiers/${encodeURIComponent(code.trim().toUpperCase())}`, {
    query: { key: key?.trim() || undefined },
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "03/12/2026 09:00" in Vietnam time (UTC+7, no daylight saving) on any device. */
export function vietnamDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
