/** The roles of an account as the form edits them: base roles ticked, plus specialist fields. */
export interface RoleChoice {
  base: string[];
  /** `land`, `construction`…: each becomes `specialist:<field>`. */
  fields: string[];
}

export const BASE_ROLE_OPTIONS = [
  { value: 'admin', label: 'Quản trị' },
  { value: 'reception', label: 'Bộ phận một cửa' },
  { value: 'specialist', label: 'Chuyên viên' },
  { value: 'head', label: 'Lãnh đạo phòng' },
  { value: 'leader', label: 'Lãnh đạo đơn vị' },
];

/** Fields used by the shipped procedures; others may be typed. */
export const KNOWN_FIELDS = [
  { value: 'land', label: 'land — Đất đai' },
  { value: 'construction', label: 'construction — Xây dựng' },
  { value: 'business', label: 'business — Đăng ký kinh doanh' },
  { value: 'civil', label: 'civil — Hộ tịch' },
  { value: 'justice', label: 'justice — Tư pháp' },
];

/** `['specialist:land', 'head']` → base `['specialist', 'head']`, fields `['land']`. */
export function toRoleChoice(roles: readonly string[]): RoleChoice {
  const fields = roles.filter((role) => role.startsWith('specialist:')).map((role) => role.slice('specialist:'.length));
  const base = [...new Set(roles.map((role) => role.split(':')[0]))];
  return { base, fields };
}

/** A specialist with fields holds `specialist:<field>` for each (no plain `specialist`). */
export function fromRoleChoice(choice: RoleChoice): string[] {
  const fields = choice.fields.map((field) => field.trim().toLowerCase()).filter(Boolean);
  return choice.base.flatMap((role) =>
    role === 'specialist' && fields.length ? fields.map((field) => `specialist:${field}`) : [role],
  );
}
