import { ApiError } from '../../api/client';
import type { UnitKind } from './admin.api';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  province: 'Tỉnh',
  department: 'Sở, ban, ngành',
  district: 'Huyện, thành phố',
  office: 'Phòng, ban',
  commune: 'Xã, phường',
  center: 'Trung tâm',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập không thành công',
  'auth.locked': 'Tài khoản bị khóa',
  'auth.password_changed': 'Đổi mật khẩu',
  'auth.password_change_failed': 'Đổi mật khẩu không thành công',
  'admin.user.created': 'Tạo tài khoản',
  'admin.user.updated': 'Sửa tài khoản',
  'admin.user.deactivated': 'Ngừng tài khoản',
  'admin.user.reactivated': 'Kích hoạt lại tài khoản',
  'admin.user.password_reset': 'Đặt lại mật khẩu',
  'admin.user.unlocked': 'Mở khóa tài khoản',
  'admin.unit.created': 'Tạo đơn vị',
  'admin.unit.updated': 'Sửa đơn vị',
  'admin.unit.moved': 'Chuyển đơn vị',
  'admin.unit.deactivated': 'Ngừng hoạt động đơn vị',
  'admin.unit.reactivated': 'Kích hoạt lại đơn vị',
};

/** Vietnamese for the stable codes of the admin API; the server's own message otherwise. */
const ERROR_MESSAGES: Record<string, string> = {
  ADMIN_SCOPE: 'Đơn vị hoặc tài khoản này nằm ngoài phạm vi bạn quản trị.',
  UNIT_CODE_INVALID: 'Mã đơn vị không đúng định dạng NNN.NN.NN.Hxx (ví dụ 000.21.20.H15).',
  UNIT_CODE_TAKEN: 'Mã đơn vị đã được dùng cho đơn vị khác.',
  UNIT_MOVE_CYCLE: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
  UNIT_HAS_ACTIVE_CHILDREN: 'Đơn vị còn đơn vị cấp dưới đang hoạt động: hãy ngừng hoạt động các đơn vị đó trước.',
  UNIT_NOT_FOUND: 'Không tìm thấy đơn vị.',
  USERNAME_TAKEN: 'Tên đăng nhập đã có người dùng.',
  USERNAME_INVALID: 'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các ký tự . _ - (ví dụ nguyen.van.a).',
  ROLE_INVALID: 'Vai trò không hợp lệ. Lĩnh vực của chuyên viên chỉ gồm chữ thường không dấu (ví dụ land).',
  ADMIN_SELF_CHANGE: 'Bạn không thể tự ngừng, chuyển đơn vị hoặc bỏ quyền quản trị của chính mình.',
  USER_NOT_FOUND: 'Không tìm thấy tài khoản.',
};

export function adminErrorMessage(cause: unknown): string {
  if (cause instanceof ApiError) return ERROR_MESSAGES[cause.code] ?? cause.message;
  return cause instanceof Error ? cause.message : String(cause);
}
