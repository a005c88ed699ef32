import { request } from '../../api/client';
import type { operations } from '../../api/schema.gen';
import type { Schemas } from '../../api/schemas';

export const UNIT_KINDS = ['province', 'department', 'district', 'office', 'commune', 'center'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** `GET /api/admin/units`: the administrator's subtree. */
export type UnitNode = Schemas['UnitNodeDto'];

/** A unit as the create/update/move/(de)activate answers give it (no counts, no children). */
export type AdminUnit = Schemas['UnitDto'];

export type Account = Schemas['AccountDto'];

/** `GET /api/admin/users` query. */
export type AccountFilter = NonNullable<operations['AdminUsersController_list']['parameters']['query']> & {
  limit: number;
  offset: number;
};

export type AccountInput = Schemas['CreateAccountDto'];

export type AuditEntry = Schemas['AuditEntryDto'];

/** `GET /api/admin/audit` query. */
export type AuditFilter = NonNullable<operations['AuditController_list']['parameters']['query']> & {
  limit: number;
  offset: number;
};

const unitPath = (code: string) => `/api/admin/units/${encodeURIComponent(code)}`;
const userPath = (username: string) => `/api/admin/users/${encodeURIComponent(username)}`;

/** The administration endpoints (`/api/admin/...`). */
export const adminApi = {
  units: () => request<Schemas['UnitTreeDto']>('/api/admin/units'),
  createUnit: (body: Schemas['CreateUnitDto']) => request<AdminUnit>('/api/admin/units', { method: 'POST', body }),
  updateUnit: (code: string, body: Schemas['UpdateUnitDto']) =>
    request<AdminUnit>(unitPath(code), { method: 'PATCH', body }),
  moveUnit: (code: string, parentCode: string) =>
    request<AdminUnit>(`${unitPath(code)}/move`, { method: 'POST', body: { parentCode } }),
  setUnitActive: (code: string, active: boolean) =>
    request<AdminUnit>(`${unitPath(code)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' }),

  users: (filter: AccountFilter) => request<Schemas['AccountListDto']>('/api/admin/users', { query: { ...filter } }),
  createUser: (body: AccountInput) =>
    request<Schemas['AccountWithPasswordDto']>('/api/admin/users', { method: 'POST', body }),
  updateUser: (username: string, body: Schemas['UpdateAccountDto']) =>
    request<Account>(userPath(username), { method: 'PATCH', body }),
  setUserActive: (username: string, active: boolean) =>
    request<Account | Schemas['DeactivatedAccountDto']>(
      `${userPath(username)}/${active ? 'reactivate' : 'deactivate'}`,
      { method: 'POST' },
    ),
  resetPassword: (username: string) =>
    request<Schemas['AccountWithPasswordDto'] & { temporaryPassword: string }>(`${userPath(username)}/reset-password`, {
      method: 'POST',
    }),
  unlock: (username: string) => request<Account>(`${userPath(username)}/unlock`, { method: 'POST' }),

  audit: (filter: AuditFilter) => request<Schemas['AuditListDto']>('/api/admin/audit', { query: { ...filter } }),
};
