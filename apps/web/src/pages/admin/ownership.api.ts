import { request } from '../../api/client';
import type { Schemas } from '../../api/schemas';

/** `GET /api/definitions/:key/ownership`: the unit owning a process key (null: the province) and its declared partners (issue 15). */
export type KeyOwnership = Schemas['KeyOwnershipDto'];

const keyPath = (key: string) => `/api/definitions/${encodeURIComponent(key)}`;

/** Ownership and inter-agency partners of a process key (docs/security.md, "Ownership of procedures and process keys"). */
export const ownershipApi = {
  /** 404 `DEFINITION_NOT_FOUND` for a key never deployed, or one outside the administrator's reach. */
  ownership: (key: string) => request<KeyOwnership>(`${keyPath(key)}/ownership`),
  /** Replaces the partners; a key not deployed yet is claimed for the administrator's unit first. */
  setPartners: (key: string, unitCodes: string[]) =>
    request<KeyOwnership>(`${keyPath(key)}/partners`, { method: 'PUT', body: { unitCodes } }),
};
