import { ApiError, request } from '../../api/client';
import type { Schemas } from '../../api/schemas';
import type { ProcedureInfo, ProcedureOption, UnitOption } from '../../modeler/properties/mc-lookups';
import { legalHoursOf } from '../../modeler/time-budget/legal-time';

/** `GET /api/units`: the unit tree, flat with `parentCode`. */
export async function loadUnits(): Promise<UnitOption[]> {
  const page = await request<Schemas['UnitListDto']>('/api/units');
  return page.items;
}

/** The largest page `GET /api/procedures` serves; a province's catalog is a few hundred at most. */
const CATALOG_PAGE = 200;

/** `GET /api/procedures` (every page): the catalog the procedure picker offers. */
export async function loadProcedures(): Promise<ProcedureOption[]> {
  const all: ProcedureOption[] = [];
  for (let offset = 0; ; offset += CATALOG_PAGE) {
    const page = await request<Schemas['ProcedureListDto']>(`/api/procedures?limit=${CATALOG_PAGE}&offset=${offset}`);
    all.push(...page.items.map(({ code, name, legalTime }) => ({ code, name, legalTime })));
    if (page.items.length < CATALOG_PAGE || all.length >= page.total) return all;
  }
}

/**
 * `GET /api/procedures/:code` → name and legal time. A code missing from the catalog is "not
 * found" for the code, never an error for the page.
 */
export async function loadProcedure(code: string): Promise<ProcedureInfo> {
  try {
    const body = await request<Schemas['ProcedureDto']>(`/api/procedures/${encodeURIComponent(code)}`);
    return {
      code,
      state: 'found',
      name: body.name,
      legalHours: legalHoursOf(body.legalTime),
      sameDay: body.legalTime?.sameDay === true,
    };
  } catch (cause) {
    if (cause instanceof ApiError && cause.statusCode === 404) return { code, state: 'not_found' };
    return { code, state: 'unavailable' };
  }
}
