import { ApiError } from '../../api/client';
import { fieldLimitMessage } from '../../api/field-limit.messages';
import type { DossierAction, HandoverRow } from '../../api/dossiers.api';

export const CHANNEL_LABELS: Record<string, string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Bưu chính công ích',
};

export const KIND_LABELS: Record<string, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  copy: 'Bản sao',
};

/** Button labels of the one-stop actions, in the order they are offered. */
export const ACTION_LABELS: Record<DossierAction, string> = {
  return: 'Trả kết quả',
  'supplement-request': 'Yêu cầu bổ sung',
  'supplement-received': 'Đã nhận bổ sung',
  apology: 'Xin lỗi, hẹn lại ngày trả',
  refuse: 'Từ chối giải quyết',
  withdraw: 'Rút hồ sơ',
};

/** What the desk's event log calls each event (`received` and the actions). */
export const EVENT_LABELS: Record<string, string> = {
  received: 'Tiếp nhận hồ sơ',
  'supplement-request': 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  'supplement-received': 'Nhận hồ sơ bổ sung',
  refuse: 'Từ chối giải quyết',
  withdraw: 'Công dân rút hồ sơ',
  apology: 'Xin lỗi và hẹn lại ngày trả kết quả',
  return: 'Trả kết quả',
};

export const RESULT_LABELS: Record<NonNullable<HandoverRow['result']>, { label: string; color: string }> = {
  early: { label: 'Trước hạn', color: 'green' },
  on_time: { label: 'Đúng hạn', color: 'blue' },
  late: { label: 'Quá hạn', color: 'red' },
};

/** Vietnamese words for the desk's error codes (the server's messages are for developers). */
const ERROR_MESSAGES: Record<string, string> = {
  DOSSIER_NOT_FOUND: 'Không tìm thấy hồ sơ, hoặc hồ sơ không thuộc đơn vị của bạn.',
  DOSSIER_ACTION_NOT_ALLOWED:
    'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ (hồ sơ vừa được người khác xử lý); trang đã cập nhật trạng thái mới.',
  FORBIDDEN_ROLE: 'Vai trò của bạn không được thực hiện thao tác này (xin lỗi, hẹn lại chỉ dành cho lãnh đạo đơn vị).',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  APPOINTMENT_INVALID: 'Ngày hẹn mới phải sau ngày hẹn hiện tại.',
  APPOINTMENT_IN_PAST: 'Ngày hẹn mới đã qua: vui lòng chọn một ngày trong tương lai.',
  APPOINTMENT_NOT_WORKING_DAY:
    'Ngày hẹn mới rơi vào ngày nghỉ (thứ Bảy, Chủ nhật hoặc ngày lễ) theo lịch làm việc của đơn vị: vui lòng chọn một ngày làm việc trong danh sách đề xuất.',
  APPOINTMENT_OUTSIDE_OFFICE_HOURS:
    'Giờ hẹn mới nằm ngoài giờ làm việc của Bộ phận một cửa: vui lòng chọn giờ làm việc (ví dụ 07:00–11:30, 13:30–17:00).',
  TASK_DESK_ACTION:
    'Bước này được hoàn thành bằng thao tác một cửa trên trang hồ sơ, không hoàn thành từ hộp công việc.',
  VALIDATION_FAILED: 'Thông tin nhập chưa hợp lệ, vui lòng kiểm tra lại.',
  FORM_NOT_APPLICABLE: 'Biểu mẫu này chưa áp dụng cho hồ sơ (chưa có thao tác tương ứng).',
  BODY_TOO_DEEP: 'Dữ liệu gửi lên có cấu trúc lồng nhau quá sâu, không thể xử lý.',
  BODY_TOO_COMPLEX: 'Dữ liệu gửi lên có quá nhiều mục, vui lòng chia nhỏ.',
  VALUE_INVALID: 'Có giá trị nằm ngoài phạm vi cho phép, vui lòng kiểm tra lại.',
  // Tệp hồ sơ (issue 16, libs/files/README.md).
  FILE_EMPTY: 'Tệp rỗng (0 byte), vui lòng chọn lại tệp.',
  FILE_TOO_LARGE:
    'Tệp vượt quá dung lượng cho phép (mặc định 20 MB một tệp). Vui lòng quét lại với độ phân giải thấp hơn hoặc chia nhỏ tệp.',
  FILE_TYPE_NOT_ALLOWED: 'Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên tệp).',
  FILE_NAME_INVALID: 'Tên tệp không hợp lệ, vui lòng đổi tên tệp (có chữ hoặc số) rồi tải lên lại.',
  FILE_KIND_INVALID: 'Chưa chọn loại tệp (thành phần hồ sơ, tệp đính kèm hay kết quả).',
  FILE_DOCUMENT_KEY_INVALID: 'Chưa chọn thành phần hồ sơ, hoặc thủ tục không có thành phần này.',
  FILE_TASK_INVALID: 'Bước xử lý không thuộc hồ sơ này.',
  FILE_TASK_CLOSED: 'Bước xử lý đã hoàn thành, không đính kèm thêm tệp được.',
  FILE_MISSING: 'Chưa chọn tệp để tải lên.',
  FILE_NOT_FOUND: 'Không tìm thấy tệp trong hồ sơ.',
  FILE_NOT_ATTACHABLE: 'Có tệp đính kèm không thuộc bước xử lý này, vui lòng tải lại tệp đính kèm.',
  FILE_BLOB_MISSING: 'Không đọc được nội dung tệp trên kho lưu trữ, vui lòng báo quản trị hệ thống.',
  UPLOAD_TOO_MANY_FILES: 'Quá nhiều tệp trong một lần tải lên (tối đa 20 tệp), vui lòng chia thành nhiều lần.',
  UPLOAD_FIELD_INVALID: 'Dữ liệu tải lên không đúng định dạng, vui lòng thử lại.',
  UPLOAD_MALFORMED: 'Tải lên bị gián đoạn hoặc sai định dạng, vui lòng thử lại.',
  UPLOAD_ABORTED: 'Tải lên bị gián đoạn, vui lòng thử lại.',
  UPLOAD_NOT_MULTIPART: 'Dữ liệu tải lên không đúng định dạng, vui lòng thử lại.',
  UPLOAD_EXPIRED: 'Tải lên quá lâu nên đã bị hủy, vui lòng tải lại.',
  DOSSIER_CLOSED: 'Hồ sơ đã kết thúc (đã trả, từ chối hoặc rút), không bổ sung tệp được.',
  LOOKUP_KEY_INVALID: 'Mã tra cứu không đúng. Vui lòng nhập mã tra cứu in trên giấy tiếp nhận.',
  ELECTRONIC_RESULT_NOT_ALLOWED: 'Thủ tục này chỉ trả kết quả bản giấy tại bộ phận một cửa.',
};

/** The Vietnamese message of an API error, falling back to the server's own text. */
export function dossierErrorMessage(cause: unknown): string {
  if (cause instanceof ApiError && cause.code === 'VALIDATION_FAILED')
    return fieldLimitMessage(cause.details) ?? ERROR_MESSAGES.VALIDATION_FAILED;
  if (cause instanceof ApiError) return ERROR_MESSAGES[cause.code] ?? cause.message;
  return cause instanceof Error ? cause.message : String(cause);
}

/** Whether the fee is paid online (ADR 0029). */
export const PAYMENT_LABELS: Record<'paid' | 'unpaid' | 'not_required', string> = {
  paid: 'Đã thanh toán',
  unpaid: 'Chưa thanh toán',
  not_required: 'Không thu phí',
};
