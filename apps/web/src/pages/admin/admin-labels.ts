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
  'auth.password_rehashed': 'Nâng cấp mã băm mật khẩu',
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
  'admin.procedure.created': 'Thêm thủ tục',
  'admin.procedure.updated': 'Sửa thủ tục',
  'admin.procedure.published': 'Công bố thủ tục',
  'admin.procedure.unpublished': 'Ngừng công bố thủ tục',
  'admin.procedure.form_uploaded': 'Tải mẫu đơn lên',
  'admin.procedure.imported': 'Nhập danh mục thủ tục',
  'incident.retried': 'Thử lại sự cố',
  'instances.cancelled': 'Hủy phiên xử lý hàng loạt',
  'definition.deployed': 'Triển khai quy trình',
  'task.decided': 'Quyết định ở bước xử lý',
  'instances.migrated': 'Chuyển phiên xử lý sang phiên bản mới',
  'sms.retried': 'Gửi lại SMS',
  'rating-criterion.created': 'Thêm tiêu chí đánh giá',
  'rating-criterion.updated': 'Sửa tiêu chí đánh giá',
  'dossier.received': 'Tiếp nhận hồ sơ',
  'dossier.supplement-request': 'Yêu cầu bổ sung hồ sơ',
  'dossier.supplement-received': 'Nhận hồ sơ bổ sung',
  'dossier.refuse': 'Từ chối hồ sơ',
  'dossier.withdraw': 'Rút hồ sơ',
  'dossier.apology': 'Thư xin lỗi, hẹn lại',
  'dossier.return': 'Trả kết quả',
};

/** Vietnamese for the stable codes of the admin API; the server's own message otherwise. */
const ERROR_MESSAGES: Record<string, string> = {
  ADMIN_SCOPE: 'Đơn vị, tài khoản, thủ tục hoặc quy trình này thuộc đơn vị nằm ngoài phạm vi bạn quản trị.',
  UNIT_NOT_ADMINISTERED:
    'Sơ đồ giao bước xử lý cho đơn vị bạn không quản trị và chưa được khai báo là đơn vị phối hợp của quy trình.',
  CALLED_PROCESS_NOT_ADMINISTERED:
    'Sơ đồ gọi một quy trình của đơn vị bạn không quản trị và chưa được khai báo là đơn vị phối hợp.',
  PARTNERS_INVALID: 'Danh sách đơn vị phối hợp không hợp lệ (tối đa 50 mã đơn vị).',
  DEFINITION_NOT_FOUND: 'Không tìm thấy quy trình (hoặc quy trình thuộc đơn vị ngoài phạm vi bạn quản trị).',
  INSTANCE_NOT_FOUND: 'Không tìm thấy phiên xử lý (hoặc phiên thuộc quy trình của đơn vị ngoài phạm vi bạn quản trị).',
  INCIDENT_NOT_FOUND: 'Không tìm thấy sự cố (hoặc sự cố thuộc quy trình của đơn vị ngoài phạm vi bạn quản trị).',
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
  PROCEDURE_CODE_TAKEN: 'Mã thủ tục đã có trong danh mục.',
  PROCEDURE_CODE_INVALID: 'Mã thủ tục chỉ gồm chữ không dấu, chữ số và các ký tự . _ - (ví dụ 1.001193).',
  PROCEDURE_NOT_FOUND: 'Không tìm thấy thủ tục.',
  PROCESS_KEY_UNKNOWN: 'Chưa có quy trình nào được triển khai với mã này.',
  PROCESS_VERSION_UNKNOWN: 'Quy trình không có phiên bản này.',
  LEGAL_TIME_INVALID: 'Thời hạn giải quyết phải là số ngày hoặc số giờ làm việc nguyên dương, hoặc "trong ngày".',
  DOCUMENT_CODE_DUPLICATE: 'Hai giấy tờ trong thành phần hồ sơ trùng mã.',
  DOCUMENT_CODE_INVALID: 'Mã giấy tờ chỉ gồm chữ không dấu, chữ số và các ký tự . _ -.',
  FORM_FILE_INVALID: 'Mẫu đơn phải là tệp PDF, Word, Excel, ODF, RTF, HTML hoặc văn bản.',
  FORM_FILE_UNKNOWN: 'Mẫu đơn chưa được tải lên.',
  CATALOG_INVALID: 'Tệp danh mục phải là một mảng JSON các thủ tục (định dạng catalog.json).',
  INCIDENT_NOT_OPEN: 'Sự cố đã được xử lý.',
  INCIDENT_NOT_RETRYABLE: 'Sự cố này không thể thử lại (không có công việc nền đi kèm).',
  BODY_TOO_DEEP: 'Dữ liệu gửi lên có cấu trúc lồng nhau quá sâu, không thể xử lý.',
  BODY_TOO_COMPLEX: 'Dữ liệu gửi lên có quá nhiều mục (tối đa 20.000), vui lòng chia nhỏ.',
  VALUE_INVALID: 'Có giá trị nằm ngoài phạm vi cho phép, vui lòng kiểm tra lại.',
};

/** Incidents a diagram's bounds raise at runtime (issue 15); other codes show the server's text only. */
export const INCIDENT_CODE_LABELS: Record<string, string> = {
  FEEL_BUDGET_EXCEEDED: 'Biểu thức FEEL cần quá nhiều bước tính nên đã bị dừng',
  FEEL_FUNCTION_FORBIDDEN: 'Biểu thức FEEL tự định nghĩa hàm, điều không được phép',
  FEEL_REGEX_UNSAFE: 'Biểu thức chính quy có thể chạy quá lâu với dữ liệu này nên không được chạy',
  MULTI_INSTANCE_CARDINALITY_TOO_LARGE: 'Số lần lặp (đa thể hiện) vượt quá mức cho phép',
  CALL_DEPTH_EXCEEDED: 'Quy trình gọi quy trình lồng nhau quá sâu (có thể tự gọi chính nó)',
};

export function adminErrorMessage(cause: unknown): string {
  if (cause instanceof ApiError) return ERROR_MESSAGES[cause.code] ?? cause.message;
  return cause instanceof Error ? cause.message : String(cause);
}
