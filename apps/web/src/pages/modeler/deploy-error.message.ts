import { ApiError } from '../../api/client';

/**
 * Vietnamese for a refused deploy other than diagram errors (issue 15): which units the diagram
 * may not send steps to, or that the process belongs to a unit outside the administrator's reach.
 * `unitName` turns a unit code into what the screen shows ("name (code)"). Null when the code is
 * not one of these (the caller reports the error as usual).
 */
export function deployRefusalMessage(
  cause: unknown,
  unitName: (code: string) => string = (code) => code,
): string | null {
  if (!(cause instanceof ApiError)) return null;
  const details = (cause.details ?? {}) as { units?: unknown; keys?: unknown };
  const list = (value: unknown, label: (item: string) => string = String) =>
    Array.isArray(value) ? value.map(String).map(label).join(', ') : '';
  switch (cause.code) {
    case 'UNIT_NOT_ADMINISTERED':
      return `Chưa triển khai được: sơ đồ giao bước xử lý cho đơn vị ${list(details.units, unitName)} — đơn vị bạn không quản trị và chưa được khai báo là đơn vị phối hợp của quy trình. Hãy sửa "Đơn vị xử lý" của bước, hoặc khai báo đơn vị đó là đơn vị phối hợp liên thông của quy trình (quản trị viên của đơn vị sở hữu quy trình khai báo).`;
    case 'CALLED_PROCESS_NOT_ADMINISTERED':
      return `Chưa triển khai được: sơ đồ gọi quy trình ${list(details.keys)} của đơn vị bạn không quản trị.`;
    case 'ADMIN_SCOPE':
      return 'Chưa triển khai được: mã quy trình này thuộc đơn vị nằm ngoài phạm vi bạn quản trị. Hãy đổi mã quy trình (id của process) để tạo quy trình mới của đơn vị bạn.';
    default:
      return null;
  }
}
