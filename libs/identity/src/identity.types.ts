import type { AuthUser } from '../../common/src';

/** Levels of the administrative tree; the tree must not assume districts (DOMAIN: two-level provinces). */
export const UNIT_KINDS = ['province', 'department', 'district', 'office', 'commune', 'center'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A user as other modules and clients see it: `AuthUser` plus display fields. */
export interface UserProfile extends AuthUser {
  unitName: string;
  active: boolean;
  mustChangePassword: boolean;
}

/** A unit with its parent's code, as listed in the tree. */
export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  parentCode: string | null;
  active: boolean;
  /** Street address the public catalog shows as where to go; null: not recorded. */
  address: string | null;
  /** Shape owned by libs/calendar; null means the defaults. */
  officeHours: unknown;
}

/** Roles a unit's staff may hold; `specialist` (and others) may carry a field: `specialist:land`. */
export const BASE_ROLES = ['admin', 'reception', 'specialist', 'head', 'leader'] as const;

/** True for `admin`, `specialist`, `specialist:land`…; false for unknown roles or malformed fields. */
export function isValidRole(role: string): boolean {
  const [base, field, ...rest] = role.split(':');
  return (
    (BASE_ROLES as readonly string[]).includes(base) &&
    rest.length === 0 &&
    (field === undefined || /^[a-z][a-z0-9_-]{0,39}$/.test(field))
  );
}

/** Usernames: lowercase letters, digits and `.`, `_`, `-`, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
