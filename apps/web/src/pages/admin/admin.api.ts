import type { Page } from '../../api/api.types';
import { request } from '../../api/client';

export const UNIT_KINDS = ['province', 'department', 'district', 'office', 'commune', 'center'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** `GET /api/admin/units`: the administrator's subtree. */
export interface UnitNode {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  active: boolean;
  users: number;
  children: UnitNode[];
}

export interface Account {
  id: string;
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  roles: string[];
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  failedLogins: number;
  createdAt: string;
}

export interface AccountFilter {
  unit?: string;
  role?: string;
  active?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

export interface AccountInput {
  username: string;
  fullName: string;
  unitCode: string;
  roles: string[];
  password?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
  data: Record<string, unknown> | null;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  subject?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

const unitPath = (code: string) => `/api/admin/units/${encodeURIComponent(code)}`;
const userPath = (username: string) => `/api/admin/users/${encodeURIComponent(username)}`;

/** The administration endpoints (`/api/admin/...`). */
export const adminApi = {
  units: () => request<Page<UnitNode>>('/api/admin/units'),
  createUnit: (body: { code: string; name: string; kind: UnitKind; parentCode: string }) =>
    request<UnitNode>('/api/admin/units', { method: 'POST', body }),
  updateUnit: (code: string, body: { name: string; kind: UnitKind }) => request<UnitNode>(unitPath(code), { method: 'PATCH', body }),
  moveUnit: (code: string, parentCode: string) => request<UnitNode>(`${unitPath(code)}/move`, { method: 'POST', body: { parentCode } }),
  setUnitActive: (code: string, active: boolean) =>
    request<UnitNode>(`${unitPath(code)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' }),

  users: (filter: AccountFilter) => request<Page<Account>>('/api/admin/users', { query: { ...filter } }),
  createUser: (body: AccountInput) =>
    request<{ user: Account; temporaryPassword?: string }>('/api/admin/users', { method: 'POST', body }),
  updateUser: (username: string, body: Partial<Omit<AccountInput, 'username' | 'password'>>) =>
    request<Account>(userPath(username), { method: 'PATCH', body }),
  setUserActive: (username: string, active: boolean) =>
    request<unknown>(`${userPath(username)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' }),
  resetPassword: (username: string) =>
    request<{ user: Account; temporaryPassword: string }>(`${userPath(username)}/reset-password`, { method: 'POST' }),
  unlock: (username: string) => request<Account>(`${userPath(username)}/unlock`, { method: 'POST' }),

  audit: (filter: AuditFilter) => request<Page<AuditEntry>>('/api/admin/audit', { query: { ...filter } }),
};
