/**
 * Vietnamese for the server's "too long" and "too many" validation messages (issue 15, item 8):
 * 400 VALIDATION_FAILED lists class-validator's English messages in `details`, one per fault,
 * each naming the field and its maximum; these are the ones a user can meet by typing or pasting.
 */
const FIELD_LABELS: Record<string, string> = {
  'applicant.fullName': 'Họ và tên',
  'applicant.idNumber': 'Số định danh cá nhân',
  'applicant.phone': 'Số điện thoại',
  'applicant.email': 'Thư điện tử',
  'applicant.address': 'Địa chỉ',
  fullName: 'Họ và tên',
  name: 'Tên',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  reason: 'Lý do',
  note: 'Ghi chú',
  documents: 'Giấy tờ',
  q: 'Từ khóa tìm kiếm',
  code: 'Mã',
  key: 'Mã tra cứu',
  field: 'Lĩnh vực',
  feeRules: 'Quy định phí, lệ phí',
  processKey: 'Mã quy trình',
  roles: 'Vai trò',
  requiredDocuments: 'Thành phần hồ sơ',
  formTemplates: 'Mẫu đơn, tờ khai',
  variables: 'Nội dung nhập (ý kiến, ghi chú)',
  opinion: 'Ý kiến xử lý',
  attachments: 'Tệp đính kèm',
};

const TOO_LONG = /^(?:each value in )?(\S+) must be shorter than or equal to (\d+) characters$/;
const TOO_MANY = /^(\S+) must contain no more than (\d+) elements$/;
const CODE_TOO_LONG = /^each value in (\S+) must be a code of at most (\d+) characters/;
const VARIABLE_TOO_LONG = /^(\S+) must have at most \d+ names, each text shorter than or equal to (\d+) characters$/;

/** Nested paths name their last part when the whole path has no label (`requiredDocuments.0.name` → Tên). */
function label(path: string): string {
  return (
    FIELD_LABELS[path] ??
    FIELD_LABELS[path.replace(/\.\d+\./g, '.')] ??
    FIELD_LABELS[path.split('.').pop() ?? path] ??
    path
  );
}

function toVietnamese(message: string): string | undefined {
  const long = TOO_LONG.exec(message) ?? CODE_TOO_LONG.exec(message) ?? VARIABLE_TOO_LONG.exec(message);
  if (long) return `${label(long[1])}: dài quá mức cho phép, tối đa ${long[2]} ký tự.`;
  const many = TOO_MANY.exec(message);
  if (many) return `${label(many[1])}: quá nhiều mục, tối đa ${many[2]}.`;
  return undefined;
}

/** The Vietnamese text of the length faults among a VALIDATION_FAILED's details; undefined when there are none. */
export function fieldLimitMessage(details: unknown): string | undefined {
  if (!Array.isArray(details)) return undefined;
  const lines = details
    .filter((d): d is string => typeof d === 'string')
    .map(toVietnamese)
    .filter((d): d is string => d !== undefined);
  return lines.length ? [...new Set(lines)].join(' ') : undefined;
}
