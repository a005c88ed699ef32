import { request } from '../../api/client';
import { prefetch, takeOr } from '../../public/prefetch';
import type { Schemas } from '../../api/schemas';

export type UnitStats = Schemas['UnitStatsDto'];
export type PublicStats = Schemas['PublicStatsDto'];

/** `GET /api/public/stats?from=&to=` (libs/tracking). */
export function fetchStats(from?: string, to?: string): Promise<PublicStats> {
  return takeOr(`stats:${from ?? ''}|${to ?? ''}`, () =>
    request<PublicStats>('/api/public/stats', { query: { from, to } }),
  );
}

/** A `YYYY-MM-DD` day from the link; a mistyped one is ignored rather than failing the page. */
export function dayParam(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/** The route loader of /thong-ke: the figures are requested while the page's chunk downloads. */
export function prefetchStats(url: string): void {
  const params = new URL(url).searchParams;
  const [from, to] = [dayParam(params, 'from'), dayParam(params, 'to')];
  prefetch(`stats:${from ?? ''}|${to ?? ''}`, () => request<PublicStats>('/api/public/stats', { query: { from, to } }));
}
