import { ERROR_MESSAGES } from '../api/error-messages';
import { ApiError } from '../api/client';

/**
 * Pure helpers of the files UI (issue 16, item 4): sizes in Vietnamese units, the types the
 * server accepts, and the Vietnamese message of an upload or download error code.
 */

/** What the drop zone offers; the server checks the content, not the name (libs/files). */
export const ACCEPTED_TYPES = 'application/pdf,image/jpeg,image/png';

const ACCEPTED_MIME = new Set(ACCEPTED_TYPES.split(','));
const ACCEPTED_EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

/** "0 B", "512 B", "1,5 KB", "820 KB", "1,2 MB", "20 MB", "1,1 GB" (decimal comma, one decimal below 10). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  // 1023.6 KB rounds to 1024: say 1 MB instead.
  if (rounded >= 1024 && unit < units.length - 1) return `1 ${units[unit + 1]}`;
  return `${String(rounded).replace('.', ',')} ${units[unit]}`;
}

/**
 * A quick look before sending, so an officer does not wait for a 20 MB upload to be refused: an
 * empty file, an iPhone HEIC photo, or one whose browser type and name are both not PDF/JPEG/PNG. The server decides;
 * a file the browser cannot type (`type` empty, e.g. some scanners' output) is let through.
 */
export function precheckFile(file: {
  name: string;
  size: number;
  type: string;
}): 'FILE_EMPTY' | 'FILE_TYPE_NOT_ALLOWED' | 'FILE_TYPE_HEIC' | null {
  if (file.size === 0) return 'FILE_EMPTY';
  // An iPhone's photo from its library (its camera, through «Chụp ảnh», gives JPEG).
  if (/^image\/hei[cf]/.test(file.type) || /\.hei[cf]$/i.test(file.name)) return 'FILE_TYPE_HEIC';
  if (file.type && !ACCEPTED_MIME.has(file.type) && !ACCEPTED_EXTENSIONS.test(file.name))
    return 'FILE_TYPE_NOT_ALLOWED';
  return null;
}

/** Vietnamese for the files' error codes (the server's messages are for developers). */
export const FILE_ERROR_MESSAGES: Record<string, string> = {
  FILE_EMPTY: 'Tệp rỗng (0 byte). Vui lòng quét hoặc chọn lại tệp.',
  FILE_TOO_LARGE: 'Tệp quá dung lượng cho phép. Vui lòng quét với độ phân giải thấp hơn hoặc chia thành nhiều tệp.',
  FILE_TYPE_NOT_ALLOWED: 'Chỉ nhận tệp PDF, JPEG hoặc PNG. Nội dung tệp này không phải một trong các định dạng đó.',
  FILE_TYPE_HEIC:
    'Ảnh định dạng HEIC (iPhone) chưa được nhận. Hãy chụp lại bằng nút “Chụp ảnh” (ảnh chụp sẽ là JPEG), hoặc trên iPhone chọn Cài đặt › Camera › Định dạng › Tương thích nhất.',
  FILE_NAME_INVALID:
    'Tên tệp không hợp lệ (chứa ký tự hoặc đường dẫn không được phép). Vui lòng đổi tên tệp rồi tải lại.',
  FILE_MISSING: 'Chưa có tệp nào được gửi lên. Vui lòng chọn tệp.',
  FILE_KIND_INVALID:
    'Không xác định được tệp thuộc giấy tờ, tệp đính kèm hay kết quả. Vui lòng tải lại trang rồi thử lại.',
  FILE_DOCUMENT_KEY_INVALID:
    'Giấy tờ này không có trong thành phần hồ sơ của thủ tục. Vui lòng tải lại trang rồi thử lại.',
  FILE_TASK_INVALID: 'Bước xử lý không thuộc hồ sơ này. Vui lòng tải lại trang rồi thử lại.',
  FILE_TASK_CLOSED: 'Bước xử lý đã hoàn thành: tệp đính kèm phải được tải lên trước khi hoàn thành bước.',
  FILE_NOT_ATTACHABLE: 'Có tệp đính kèm không thuộc bước xử lý này. Vui lòng bỏ tệp đó và tải lại.',
  FILE_NOT_FOUND: 'Không tìm thấy tệp, hoặc bạn không có quyền tải tệp này.',
  UPLOAD_TOO_MANY_FILES: 'Gửi quá nhiều tệp trong một lần. Vui lòng chia thành nhiều lần tải.',
  UPLOAD_ABORTED: 'Việc tải lên bị gián đoạn (mất kết nối hoặc đã hủy). Vui lòng thử lại.',
  UPLOAD_EXPIRED: 'Tải lên quá lâu nên tệp chưa được lưu. Vui lòng thử lại.',
  UPLOAD_MALFORMED: 'Dữ liệu tệp gửi lên bị lỗi. Vui lòng thử lại.',
  UPLOAD_FIELD_INVALID: 'Dữ liệu tệp gửi lên không đúng định dạng. Vui lòng tải lại trang rồi thử lại.',
  UPLOAD_NOT_MULTIPART: 'Dữ liệu tệp gửi lên không đúng định dạng. Vui lòng tải lại trang rồi thử lại.',
  DOSSIER_CLOSED: 'Hồ sơ đã kết thúc, không thể thêm tệp.',
  DOSSIER_NOT_FOUND: 'Không tìm thấy hồ sơ, hoặc hồ sơ không thuộc đơn vị của bạn.',
  LOOKUP_KEY_INVALID: 'Cần nhập đúng mã tra cứu in trên giấy tiếp nhận để tải kết quả.',
  ELECTRONIC_RESULT_NOT_ALLOWED: 'Thủ tục này chỉ trả kết quả bản giấy. Vui lòng nhận kết quả tại nơi nộp hồ sơ.',
  PAYLOAD_TOO_LARGE: 'Tệp quá dung lượng cho phép.',
  UNSUPPORTED_MEDIA_TYPE: 'Chỉ nhận tệp PDF, JPEG hoặc PNG.',
  TOO_MANY_REQUESTS: 'Đang tải lên quá nhiều tệp cùng lúc. Vui lòng chờ giây lát rồi thử lại.',
  FORBIDDEN: 'Bạn không có quyền thêm hoặc tải tệp của hồ sơ này.',
  FORBIDDEN_ROLE: 'Vai trò của bạn không được thực hiện thao tác này.',
  NETWORK_ERROR: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  UPLOAD_CANCELLED: 'Đã hủy tải lên.',
  IDEMPOTENCY_KEY_IN_PROGRESS: ERROR_MESSAGES.IDEMPOTENCY_KEY_IN_PROGRESS as string,
  IDEMPOTENCY_KEY_REUSED: ERROR_MESSAGES.IDEMPOTENCY_KEY_REUSED as string,
  IDEMPOTENCY_KEY_ANSWER_LOST: ERROR_MESSAGES.IDEMPOTENCY_KEY_ANSWER_LOST as string,
  IDEMPOTENCY_KEY_INVALID: ERROR_MESSAGES.IDEMPOTENCY_KEY_INVALID as string,
};

/** `FILE_TOO_LARGE` may say the limit (`details.maxBytes`): name it, in MB. */
function tooLargeMessage(details: unknown): string {
  const bytes = (details as { maxBytes?: unknown } | undefined)?.maxBytes;
  return typeof bytes === 'number' && bytes > 0
    ? `Tệp vượt quá dung lượng cho phép (tối đa ${formatSize(bytes)} một tệp). Vui lòng quét với độ phân giải thấp hơn hoặc chia thành nhiều tệp.`
    : FILE_ERROR_MESSAGES.FILE_TOO_LARGE;
}

/** The Vietnamese message of an upload/download failure: by code, else a status-based sentence (never the server's English). */
export function fileErrorMessage(cause: unknown): string {
  if (cause instanceof ApiError) {
    if (cause.code === 'FILE_TOO_LARGE' || cause.code === 'PAYLOAD_TOO_LARGE') return tooLargeMessage(cause.details);
    const known = FILE_ERROR_MESSAGES[cause.code];
    if (known) return known;
    if (cause.statusCode === 401) return 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.';
    if (cause.statusCode === 403) return FILE_ERROR_MESSAGES.FORBIDDEN;
    if (cause.statusCode === 404) return FILE_ERROR_MESSAGES.FILE_NOT_FOUND;
    if (cause.statusCode >= 500) return 'Máy chủ đang gặp sự cố, tệp chưa được lưu. Vui lòng thử lại sau.';
    return 'Máy chủ không nhận tệp này. Vui lòng kiểm tra tệp (PDF, JPEG hoặc PNG) và thử lại.';
  }
  return 'Không tải được tệp. Vui lòng thử lại.';
}
