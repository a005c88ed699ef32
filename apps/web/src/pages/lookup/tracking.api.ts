import { request } from '../../api/client';
import { formatVietnamDateTime } from '../../../../../libs/calendar/src/vietnam-time.js';

/** `GET /api/public/dossiers/:code?key=` (libs/tracking). */
export interface PublicDossier {
  code: string;
  status: string;
  statusLabel: string;
  procedureName: string;
  unitName: string;
  appointmentAt: string;
  overdue: boolean;
  /** A refused dossier's reason for the citizen (null while the refusal is being handed back). */
  reason?: string | null;
  applicantName?: string;
  timeline?: { at: string; step: string; statusLabel: string | null; current: boolean }[];
}

export function lookupDossier(code: string, key?: string): Promise<PublicDossier> {
  return request<PublicDossier>(`/api/public/dossiers/${encodeURIComponent(code.trim().toUpperCase())}`, {
    query: { key: key?.trim() || undefined },
  });
}

/** "03/12/2026 09:00" in Vietnam time on any device. */
export function vietnamDateTime(iso: string): string {
  return formatVietnamDateTime(iso);
}
