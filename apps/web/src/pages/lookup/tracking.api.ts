import { request } from '../../api/client';
import { formatVietnamDateTime } from '../../../../../libs/calendar/src/vietnam-time.js';
import type { Schemas } from '../../api/schemas';

/** `GET /api/public/dossiers/:code?key=` (libs/tracking). */
export type PublicDossier = Schemas['PublicDossierDto'];

export function lookupDossier(code: string, key?: string): Promise<PublicDossier> {
  return request<PublicDossier>(`/api/public/dossiers/${encodeURIComponent(code.trim().toUpperCase())}`, {
    query: { key: key?.trim() || undefined },
  });
}

/** "03/12/2026 09:00" in Vietnam time on any device. */
export function vietnamDateTime(iso: string): string {
  return formatVietnamDateTime(iso);
}
