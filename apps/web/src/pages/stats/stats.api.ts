import { request } from '../../api/client';
import type { components } from '../../api/schema.gen';

export type UnitStats = components['schemas']['UnitStatsDto'];
export type PublicStats = components['schemas']['PublicStatsDto'];

/** `GET /api/public/stats?from=&to=` (libs/tracking). */
export function fetchStats(from?: string, to?: string): Promise<PublicStats> {
  return request<PublicStats>('/api/public/stats', { query: { from, to } });
}
