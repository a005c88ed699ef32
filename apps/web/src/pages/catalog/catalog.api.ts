import { request } from '../../api/client';
import type { Schemas } from '../../api/schemas';
import { prefetch, takeOr as once } from '../../public/prefetch';
import type { CatalogProcedurePage } from './catalog.format';

export type CatalogList = Schemas['PublicProcedureListDto'];
export interface CatalogFilter {
  q?: string;
  field?: string;
  level?: string;
}

const listKey = (f: CatalogFilter) => `list:${f.q?.trim() ?? ''}|${f.field ?? ''}|${f.level ?? ''}`;

const list = (filter: CatalogFilter) =>
  request<CatalogList>('/api/procedures', {
    query: {
      q: filter.q?.trim() || undefined,
      field: filter.field || undefined,
      level: filter.level || undefined,
      limit: 200,
    },
  });
const page = (code: string) => request<CatalogProcedurePage>(`/api/procedures/${encodeURIComponent(code)}`);

/** `GET /api/procedures?q=&field=&level=`: the published catalog, searched on the server (accents ignored). */
export const searchCatalog = (filter: CatalogFilter): Promise<CatalogList> => once(listKey(filter), () => list(filter));

/** `GET /api/procedures/:code`: one published procedure and where to hand it in. */
export const procedurePage = (code: string): Promise<CatalogProcedurePage> => once(`page:${code}`, () => page(code));

/** Starts the list's request for the address's filter (the route loader of /thu-tuc). */
export function prefetchCatalog(url: string): void {
  const params = new URL(url).searchParams;
  const filter = { q: params.get('q') ?? '', field: params.get('field') ?? '', level: params.get('level') ?? '' };
  prefetch(listKey(filter), () => list(filter));
}

/** Starts the procedure's request (the route loader of /thu-tuc/:code). */
export function prefetchProcedure(code: string): void {
  prefetch(`page:${code}`, () => page(code));
}

/** The blank form's download address (the server answers it as an attachment). */
export const formUrl = (code: string, file: string) =>
  `/api/procedures/${encodeURIComponent(code)}/forms/${encodeURIComponent(file)}`;
