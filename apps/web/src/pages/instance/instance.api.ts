import { request } from '../../api/client';
import type { Schemas } from '../../api/schemas';

export type InstanceDetail = Schemas['InstanceDto'];
export type InstanceIncident = Schemas['IncidentDto'];

/** The administrators' instance endpoints (`/api/instances/:id`, libs/workflow instance.controller.ts). */
export const instanceApi = {
  get: (id: string) => request<InstanceDetail>(`/api/instances/${encodeURIComponent(id)}`),
  cancel: (id: string, reason: string) =>
    request<InstanceDetail>(`/api/instances/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: { reason } }),
};
