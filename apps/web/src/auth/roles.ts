/** Vietnamese labels of the role keys used in `mc:candidateGroups` and accounts (DESIGN §2, §7). */
const roleLabels: Record<string, string> = {
  admin: 'Quản trị',
  reception: 'Bộ phận một cửa',
  specialist: 'Chuyên viên',
  head: 'Lãnh đạo phòng',
  leader: 'Lãnh đạo đơn vị',
};

/** `specialist:land` reads "Chuyên viên (land)"; unknown keys are shown as they are. */
export function roleLabel(group: string): string {
  const [role, qualifier] = group.split(':', 2);
  const label = roleLabels[role] ?? role;
  return qualifier ? `${label} (${qualifier})` : label;
}
