import { request } from '../../api/client';

export interface UnitStats {
  unitCode: string;
  unitName: string;
  received: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgressOnTime: number;
  inProgressOverdue: number;
  onTimeRate: number | null;
}

export interface PublicStats {
  from: string | null;
  to: string | null;
  units: UnitStats[];
  total: UnitStats;
  /** When the server computed these figures (ISO time). */
  asOf?: string;
}

/** `GET /api/public/stats?from=&to=` (libs/tracking). */
export function fetchStats(from?: string, to?: string): Promise<PublicStats> {
  return request<PublicStats>('/api/public/stats', { query: { from, to } });
}
