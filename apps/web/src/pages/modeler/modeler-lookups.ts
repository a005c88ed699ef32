import type { Page } from '../../api/api.types';
import { ApiError, request } from '../../api/client';
import type { ProcedureInfo, UnitOption } from '../../modeler/properties/mc-lookups';
import { HOURS_PER_WORKING_DAY } from '../../modeler/time-budget/step-duration';

/** `GET /api/units`: the unit tree, flat with `parentCode`. */
export async function loadUnits(): Promise<UnitOption[]> {
  const page = await request<Page<UnitOption>>('/api/units');
  return page.items;
}

interface ProcedureBody {
  code: string;
  name?: string;
  legalTime?: { days?: number; hours?: number };
}

/**
 * `GET /api/procedures/:code` → name and legal time. The catalog may not exist yet on this
 * server (404 for every code): that is "not found" for the code, never an error for the page.
 */
export async function loadProcedure(code: string): Promise<ProcedureInfo> {
  try {
    const body = await request<ProcedureBody>(`/api/procedures/${encodeURIComponent(code)}`);
    const legal = body.legalTime;
    const legalHours = legal && (legal.days !== undefined || legal.hours !== undefined) ? (legal.days ?? 0) * HOURS_PER_WORKING_DAY + (legal.hours ?? 0) : undefined;
    return { code, state: 'found', name: body.name, legalHours };
  } catch (cause) {
    if (cause instanceof ApiError && cause.statusCode === 404) return { code, state: 'not_found' };
    return { code, state: 'unavailable' };
  }
}
