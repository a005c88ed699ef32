import { request } from '../../api/client';
import type { Schemas } from '../../api/schemas';

export type UnitStats = Schemas['UnitStatsDto'];
export type PublicStats = Schemas['PublicStatsDto'];

/** `GET /api/public/stats?from=&to=` (libs/tracking). */
export function fetchStats(from?: string, to?: string): Promise<PublicStats> {
  return request<PublicStats>('/api/public/stats', { query: { from, to } });
}
