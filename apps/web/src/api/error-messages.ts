/**
 * The Vietnamese sentence for every stable error code the server can answer with (issue 19 item 3).
 * The server's own `message` is written for developers, often in English, and is never shown:
 * `client.ts` puts the sentence from here into every `ApiError`. `error-messages.spec.ts` reads the
 * server's source for the codes it can send and fails when one has no sentence here.
 * Pages may still word a code for their context (files, desk actions); this is the baseline.
 */

type Details = unknown;
type Message = string | ((details: Details) => string);

const field = (details: Details, key: string): unknown =>
  details !== null && typeof details === 'object' ? (details as Record<string, unknown>)[key] : undefined;

const seconds = (details: Details): string => {
  const s = field(details, 'retryAfterSeconds');
  return typeof s === 'number' && s > 0
    ? ` sau ${Math.ceil(s / 60) > 1 ? `${Math.ceil(s / 60)} phút` : `${Math.ceil(s)} giây`}`
    : ' sau ít phút';
};

const APPLICANT_FIELDS: Record<string, string> = {
  fullName: 'họ và tên',
  idNumber: 'số định danh (CCCD)',
  phone: 'số điện thoại',
  email: 'thư điện tử',
  address: 'địa chỉ',
};

/** The keys of the e-form's faults of one kind, for a sentence (` (a, b)`), or nothing. */
const eformKeys = (details: Details, problem: string): string => {
  const keys = Array.isArray(details)
    ? details.filter((f) => field(f, 'problem') === problem).map((f) => String(field(f, 'key')))
    : [];
  return keys.length ? ` (${keys.length} mục)` : '';
};

const PASSWORD_HINTS: Record<string, string> = {
  too_short: 'dài ít nhất 10 ký tự',
  one_class: 'kết hợp ít nhất hai loại ký tự (chữ thường, chữ hoa, chữ số, ký hiệu)',
  common: 'không dùng mật khẩu phổ biến, dễ đoán',
  contains_username: 'không chứa tên đăng nhập',
};

export const ERROR_MESSAGES: Record<string, Message> = {
  // Kết nối và giao thức
  NETWORK_ERROR: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  BAD_REQUEST: 'Yêu cầu không hợp lệ. Vui lòng kiểm tra thông tin đã nhập.',
  UNAUTHORIZED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  METHOD_NOT_ALLOWED: 'Thao tác này không được hỗ trợ.',
  CONFLICT: 'Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại trang.',
  UNSUPPORTED_MEDIA_TYPE: 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
  TOO_MANY_REQUESTS: 'Quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.',
  HTTP_ERROR: 'Yêu cầu không thành công. Vui lòng thử lại.',
  INTERNAL_ERROR: 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.',
  INTERNAL: 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.',
  BODY_NOT_JSON: 'Dữ liệu gửi lên không đúng định dạng. Vui lòng tải lại trang rồi thử lại.',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.',
  BODY_TOO_DEEP: 'Dữ liệu gửi lên có cấu trúc lồng nhau quá sâu, không thể xử lý.',
  BODY_TOO_COMPLEX: 'Dữ liệu gửi lên có quá nhiều mục, vui lòng chia nhỏ.',
  INVALID_CHARACTER: 'Dữ liệu có ký tự không hợp lệ (ký tự điều khiển). Vui lòng xóa ký tự đó rồi gửi lại.',
  VALIDATION_FAILED: 'Thông tin nhập chưa hợp lệ, vui lòng kiểm tra lại các ô đã nhập.',
  VALUE_INVALID: 'Có giá trị nằm ngoài phạm vi cho phép, vui lòng kiểm tra lại.',
  IDEMPOTENCY_KEY_IN_PROGRESS: 'Yêu cầu trước của bạn đang được xử lý. Vui lòng chờ giây lát rồi thử lại.',
  IDEMPOTENCY_KEY_REUSED: 'Yêu cầu này trùng mã với một thao tác khác. Vui lòng tải lại trang rồi thực hiện lại.',
  IDEMPOTENCY_KEY_ANSWER_LOST:
    'Thao tác đã được thực hiện nhưng chưa nhận được kết quả. Vui lòng tải lại trang để xem trạng thái mới.',
  IDEMPOTENCY_KEY_INVALID: 'Mã chống gửi trùng không hợp lệ. Vui lòng tải lại trang rồi thử lại.',

  // Đăng nhập, tài khoản, đơn vị
  AUTH_INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  AUTH_REQUIRED: 'Vui lòng đăng nhập để tiếp tục.',
  AUTH_TOKEN_INVALID: 'Phiên đăng nhập đã hết hạn hoặc tài khoản đã bị khóa. Vui lòng đăng nhập lại.',
  LOGIN_THROTTLED: (d) => `Đăng nhập sai quá nhiều lần từ máy này. Vui lòng thử lại${seconds(d)}.`,
  // Citizens' sign-in by phone (ADR 0027)
  PHONE_INVALID: 'Số điện thoại di động không hợp lệ. Vui lòng nhập số gồm 10 chữ số, ví dụ 0912 345 678.',
  OTP_INVALID: 'Mã xác thực không đúng hoặc đã hết hạn. Vui lòng kiểm tra tin nhắn hoặc nhận mã mới.',
  OTP_THROTTLED: (d) => `Ông/bà đã thử quá nhiều lần. Vui lòng thử lại${seconds(d)}.`,
  CITIZEN_AUTH_REQUIRED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại bằng số điện thoại.',
  CURRENT_PASSWORD_WRONG: 'Mật khẩu hiện tại không đúng.',
  PASSWORD_CHANGE_REQUIRED: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
  PASSWORD_UNCHANGED: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  PASSWORD_WEAK: (d) => {
    const problems = field(d, 'problems');
    const hints = Array.isArray(problems) ? problems.map((p) => PASSWORD_HINTS[String(p)]).filter(Boolean) : [];
    return hints.length
      ? `Mật khẩu chưa đủ mạnh: cần ${hints.join('; ')}.`
      : 'Mật khẩu chưa đủ mạnh: cần dài ít nhất 10 ký tự, kết hợp chữ và số, không dễ đoán.';
  },
  FORBIDDEN_ROLE: 'Vai trò của bạn không được thực hiện thao tác này.',
  ADMIN_SCOPE: 'Đơn vị, tài khoản, thủ tục hoặc quy trình này thuộc đơn vị nằm ngoài phạm vi bạn quản trị.',
  ADMIN_SELF_CHANGE:
    'Bạn không thể tự ngừng, chuyển đơn vị hoặc bỏ quyền quản trị của chính mình: hãy nhờ quản trị viên khác.',
  USERNAME_INVALID: 'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các ký tự . _ - (ví dụ nguyen.van.a).',
  USERNAME_TAKEN: 'Tên đăng nhập đã có người dùng.',
  USER_NOT_FOUND: 'Không tìm thấy tài khoản.',
  ROLE_INVALID: 'Vai trò không hợp lệ. Lĩnh vực của chuyên viên chỉ gồm chữ thường không dấu (ví dụ land).',
  UNIT_CODE_INVALID: 'Mã đơn vị không đúng định dạng NNN.NN.NN.Hxx (ví dụ 000.21.20.H15).',
  UNIT_CODE_TAKEN: 'Mã đơn vị đã được dùng cho đơn vị khác.',
  UNIT_HAS_ACTIVE_CHILDREN: 'Đơn vị còn đơn vị cấp dưới đang hoạt động: hãy ngừng hoạt động các đơn vị đó trước.',
  UNIT_MOVE_CYCLE: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
  UNIT_NOT_FOUND: 'Không tìm thấy đơn vị.',
  UNIT_NOT_ADMINISTERED:
    'Sơ đồ giao bước xử lý cho đơn vị bạn không quản trị và chưa được khai báo là đơn vị phối hợp của quy trình.',
  CALLED_PROCESS_NOT_ADMINISTERED:
    'Sơ đồ gọi một quy trình của đơn vị bạn không quản trị và chưa được khai báo là đơn vị phối hợp.',
  PARTNERS_INVALID: 'Danh sách đơn vị phối hợp không hợp lệ (tối đa 50 mã đơn vị).',
  REPORT_SCOPE: 'Báo cáo của đơn vị này nằm ngoài phạm vi bạn được xem.',
  METRICS_TOKEN_INVALID: 'Thiếu hoặc sai mã truy cập số liệu giám sát.',

  // Thủ tục, danh mục, biểu mẫu
  PROCEDURE_NOT_FOUND: 'Không tìm thấy thủ tục.',
  PROCEDURE_CODE_TAKEN: 'Mã thủ tục đã có trong danh mục.',
  PROCEDURE_CODE_INVALID: 'Mã thủ tục chỉ gồm chữ không dấu, chữ số và các ký tự . _ - (ví dụ 1.001193).',
  PROCEDURE_CODE_DUPLICATE: 'Một mã thủ tục xuất hiện hai lần trong tệp danh mục.',
  PROCEDURE_FIELD_INVALID: 'Có trường thông tin của thủ tục để trống hoặc quá dài.',
  PROCESS_KEY_UNKNOWN: 'Chưa có quy trình nào được triển khai với mã này.',
  PROCESS_VERSION_UNKNOWN: 'Quy trình không có phiên bản này.',
  LEGAL_TIME_INVALID: 'Thời hạn giải quyết phải là số ngày hoặc số giờ làm việc nguyên dương, hoặc "trong ngày".',
  FEE_INVALID: 'Lệ phí phải là số nguyên không âm (đồng).',
  CHANNELS_INVALID: 'Cần chọn ít nhất một kênh tiếp nhận (trực tiếp, trực tuyến, bưu chính).',
  CHANNEL_NOT_ALLOWED: 'Thủ tục này không tiếp nhận hồ sơ qua kênh đã chọn.',
  DOCUMENT_CODE_DUPLICATE: 'Hai giấy tờ trong thành phần hồ sơ trùng mã.',
  DOCUMENT_CODE_INVALID: 'Mã giấy tờ chỉ gồm chữ không dấu, chữ số và các ký tự . _ -.',
  DOCUMENT_MISSING: (d) => {
    const name = field(d, 'name');
    return typeof name === 'string' && name
      ? `Thiếu giấy tờ bắt buộc: ${name}.`
      : 'Thiếu giấy tờ bắt buộc trong thành phần hồ sơ.';
  },
  DOCUMENT_UNKNOWN: 'Giấy tờ này không có trong thành phần hồ sơ của thủ tục. Vui lòng tải lại trang.',
  FORM_FILE_INVALID: 'Mẫu đơn phải là tệp PDF, Word, Excel, ODF, RTF, HTML hoặc văn bản.',
  FORM_FILE_UNKNOWN: 'Mẫu đơn chưa được tải lên.',
  FORM_NOT_FOUND: 'Không có biểu mẫu này (chỉ có các mẫu 01 đến 05).',
  FORM_NOT_APPLICABLE: 'Biểu mẫu này chưa áp dụng cho hồ sơ (chưa có thao tác tương ứng).',
  CATALOG_INVALID: 'Tệp danh mục phải là một mảng JSON các thủ tục (định dạng catalog.json).',

  // Nộp hồ sơ trực tuyến (issue 18 item 3)
  EFORM_DEFINITION_INVALID:
    'Tờ khai điện tử có trường không dùng được (thiếu mã, kiểu không đúng hoặc danh sách chọn rỗng).',
  EFORM_FIELD_REQUIRED: (d) => `Vui lòng điền đủ các mục bắt buộc của tờ khai${eformKeys(d, 'required')}.`,
  EFORM_FIELD_UNKNOWN: 'Tờ khai có mục không thuộc mẫu của thủ tục. Vui lòng tải lại trang rồi khai lại.',
  EFORM_FIELD_TOO_LONG: 'Có mục của tờ khai dài quá mức cho phép. Vui lòng rút gọn.',
  EFORM_FIELD_INVALID: 'Có mục của tờ khai chưa đúng định dạng (số, ngày hoặc lựa chọn).',
  STAGED_FILE_INVALID: 'Có tệp không còn dùng được (đã nộp hoặc không thuộc thủ tục này). Vui lòng tải tệp lên lại.',
  SUBMISSION_NOT_FOUND: 'Không tìm thấy hồ sơ trực tuyến.',
  SUBMISSION_ALREADY_DECIDED:
    'Hồ sơ trực tuyến này vừa được xử lý (tiếp nhận, yêu cầu bổ sung hoặc từ chối). Vui lòng tải lại trang.',
  REASON_REQUIRED: 'Vui lòng ghi lý do để gửi cho công dân.',

  // Hồ sơ, tiếp nhận, thao tác một cửa
  DOSSIER_NOT_FOUND: 'Không tìm thấy hồ sơ, hoặc hồ sơ không thuộc đơn vị của bạn.',
  DOSSIER_ACTION_NOT_ALLOWED:
    'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ (hồ sơ có thể vừa được người khác xử lý). Vui lòng tải lại trang.',
  DOSSIER_CLOSED: 'Hồ sơ đã kết thúc (đã trả, từ chối hoặc rút), không bổ sung tệp được.',
  APPLICANT_INVALID: (d) => {
    const fields = Array.isArray(d) ? d.map((p) => APPLICANT_FIELDS[String(field(p, 'field'))]).filter(Boolean) : [];
    return fields.length
      ? `Thông tin người nộp chưa hợp lệ: ${fields.join(', ')}.`
      : 'Thông tin người nộp chưa hợp lệ, vui lòng kiểm tra lại.';
  },
  RECEIVED_AT_INVALID: 'Thời điểm tiếp nhận không được ở tương lai hoặc quá 30 ngày trước.',
  RECEIVING_UNIT_REQUIRED: 'Chưa xác định được đơn vị tiếp nhận hồ sơ.',
  APPOINTMENT_INVALID: 'Ngày hẹn mới phải sau ngày hẹn hiện tại.',
  APPOINTMENT_IN_PAST: 'Ngày hẹn mới đã qua: vui lòng chọn một ngày trong tương lai.',
  APPOINTMENT_NOT_WORKING_DAY:
    'Ngày hẹn mới rơi vào ngày nghỉ (thứ Bảy, Chủ nhật hoặc ngày lễ) theo lịch làm việc của đơn vị: vui lòng chọn một ngày làm việc.',
  APPOINTMENT_OUTSIDE_OFFICE_HOURS:
    'Giờ hẹn mới nằm ngoài giờ làm việc của Bộ phận một cửa: vui lòng chọn giờ làm việc.',
  LOOKUP_KEY_INVALID: 'Mã tra cứu không đúng. Vui lòng nhập mã tra cứu in trên giấy tiếp nhận.',
  ELECTRONIC_RESULT_NOT_ALLOWED: 'Thủ tục này chỉ trả kết quả bản giấy tại bộ phận một cửa.',
  // Thanh toán phí, lệ phí trực tuyến (ADR 0029)
  PAYMENT_ALREADY_PAID: 'Phí, lệ phí của hồ sơ này đã được thanh toán.',
  PAYMENT_NOT_REQUIRED: 'Hồ sơ này không có phí, lệ phí phải thanh toán trực tuyến.',
  PAYMENT_UNAVAILABLE: 'Hệ thống chưa mở thanh toán trực tuyến. Vui lòng nộp phí, lệ phí tại bộ phận một cửa.',
  PAYMENT_SIGNATURE_INVALID:
    'Kết quả thanh toán không hợp lệ (sai chữ ký của cổng thanh toán). Giao dịch không được ghi nhận.',
  PAYMENT_NOT_FOUND: 'Không tìm thấy giao dịch thanh toán này.',
  SMS_NOT_FOUND: 'Không tìm thấy tin nhắn.',
  SMS_NOT_FAILING: 'Tin nhắn này đã gửi được hoặc chưa gửi lần nào, không cần gửi lại.',

  // Đánh giá mức độ hài lòng (ADR 0030)
  RATING_NOT_RETURNED: 'Hồ sơ chưa trả kết quả nên chưa thể đánh giá. Vui lòng đánh giá sau khi nhận kết quả.',
  RATING_EXISTS: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần. Xin cảm ơn ông/bà.',
  RATING_SCORES_INVALID: 'Vui lòng chọn mức đánh giá từ 1 đến 5 cho từng tiêu chí.',
  RATING_CRITERION_EXISTS: 'Đã có tiêu chí với mã này. Vui lòng chọn mã khác.',
  RATING_CRITERION_NOT_FOUND: 'Không tìm thấy tiêu chí đánh giá này (có thể đã bị xoá). Vui lòng tải lại trang.',
  RATING_CRITERIA_EMPTY: 'Phải giữ ít nhất một tiêu chí đang dùng để người dân đánh giá.',
  SMS_SECRET_INVALID: 'Thiếu hoặc sai mã bí mật của cổng tin nhắn.',
  SMS_SECRET_THROTTLED: (d) => `Sai mã bí mật của cổng tin nhắn quá nhiều lần. Vui lòng thử lại${seconds(d)}.`,

  // Tệp hồ sơ
  FILE_EMPTY: 'Tệp rỗng (0 byte). Vui lòng quét hoặc chọn lại tệp.',
  FILE_TOO_LARGE: (d) => {
    const bytes = field(d, 'maxBytes');
    return typeof bytes === 'number' && bytes > 0
      ? `Tệp vượt quá dung lượng cho phép (tối đa ${Math.round(bytes / 1024 / 1024)} MB một tệp).`
      : 'Tệp vượt quá dung lượng cho phép.';
  },
  FILE_TYPE_NOT_ALLOWED: 'Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên tệp).',
  FILE_NAME_INVALID: 'Tên tệp không hợp lệ, vui lòng đổi tên tệp (có chữ hoặc số) rồi tải lên lại.',
  FILE_KIND_INVALID:
    'Không xác định được tệp thuộc giấy tờ, tệp đính kèm hay kết quả. Vui lòng tải lại trang rồi thử lại.',
  FILE_DOCUMENT_KEY_INVALID:
    'Giấy tờ này không có trong thành phần hồ sơ của thủ tục. Vui lòng tải lại trang rồi thử lại.',
  FILE_TASK_INVALID: 'Bước xử lý không thuộc hồ sơ này.',
  FILE_TASK_CLOSED: 'Bước xử lý đã hoàn thành: tệp đính kèm phải được tải lên trước khi hoàn thành bước.',
  FILE_MISSING: 'Chưa có tệp nào được gửi lên. Vui lòng chọn tệp.',
  FILE_NOT_FOUND: 'Không tìm thấy tệp trong hồ sơ.',
  FILE_NOT_ATTACHABLE: 'Có tệp đính kèm không thuộc bước xử lý này. Vui lòng bỏ tệp đó và tải lại.',
  FILE_BLOB_MISSING: 'Không đọc được nội dung tệp trên kho lưu trữ, vui lòng báo quản trị hệ thống.',
  UPLOAD_TOO_MANY_FILES: 'Gửi quá nhiều tệp trong một lần. Vui lòng chia thành nhiều lần tải.',
  UPLOAD_FIELD_INVALID: 'Dữ liệu tệp gửi lên không đúng định dạng. Vui lòng tải lại trang rồi thử lại.',
  UPLOAD_MALFORMED: 'Dữ liệu tệp gửi lên bị lỗi hoặc bị cắt ngang. Vui lòng thử lại.',
  UPLOAD_ABORTED: 'Việc tải lên bị gián đoạn (mất kết nối hoặc đã hủy). Vui lòng thử lại.',
  UPLOAD_NOT_MULTIPART: 'Dữ liệu tệp gửi lên không đúng định dạng. Vui lòng tải lại trang rồi thử lại.',
  UPLOAD_EXPIRED: 'Tải lên quá lâu nên tệp chưa được lưu. Vui lòng thử lại.',
  OPINION_REQUIRED: 'Bước này yêu cầu nhập ý kiến xử lý cho kết quả đã chọn.',
  ATTACHMENT_REQUIRED: 'Bước này yêu cầu đính kèm ít nhất một tệp (PDF, JPEG hoặc PNG).',

  // Hộp công việc, bước xử lý
  TASK_NOT_FOUND: 'Không tìm thấy bước xử lý, hoặc bước không thuộc đơn vị của bạn.',
  TASK_NOT_OPEN: 'Bước xử lý này đã được hoàn thành hoặc đã đóng; danh sách đã được cập nhật.',
  TASK_ALREADY_CLAIMED: 'Bước xử lý này đã có cán bộ nhận xử lý.',
  TASK_CLAIMED_BY_OTHER: 'Bước xử lý này đã được cán bộ khác nhận xử lý.',
  TASK_NOT_CLAIMED: 'Bước xử lý này chưa có ai nhận xử lý.',
  TASK_NOT_ASSIGNEE: 'Chỉ cán bộ đang xử lý hoặc lãnh đạo đơn vị được thực hiện thao tác này với bước xử lý.',
  TASK_NOT_CANDIDATE: 'Vai trò của bạn không được xử lý bước này.',
  INBOX_STREAM_LIMIT: 'Bạn đang mở hộp công việc ở quá nhiều cửa sổ; cập nhật trực tiếp tạm dừng ở cửa sổ này.',
  TASK_DESK_ACTION:
    'Bước này được hoàn thành bằng thao tác một cửa trên trang hồ sơ (Yêu cầu bổ sung / Đã nhận bổ sung, hoặc Xin lỗi, hẹn lại), không hoàn thành từ hộp công việc.',
  DELEGATE_TARGET_INVALID: 'Cán bộ được giao không thuộc đơn vị hoặc không có vai trò xử lý bước này.',
  NOTIFICATION_NOT_FOUND: 'Không tìm thấy thông báo.',

  // Quy trình (BPMN), phiên xử lý, sự cố
  BPMN_MISSING: 'Chưa có sơ đồ quy trình để triển khai.',
  BPMN_MALFORMED: 'Tệp sơ đồ không phải XML hợp lệ. Vui lòng kiểm tra lại tệp.',
  BPMN_NOT_BPMN: 'Tệp không phải sơ đồ BPMN 2.0.',
  BPMN_DOCTYPE_FORBIDDEN: 'Tệp sơ đồ khai báo DOCTYPE, điều không được phép: hãy xóa dòng <!DOCTYPE …>.',
  BPMN_INVALID_CHARACTER: 'Tệp sơ đồ có ký tự mã hóa sai. Vui lòng sửa hoặc xóa ký tự đó.',
  BPMN_TOO_DEEP: 'Tệp sơ đồ có cấu trúc lồng nhau quá sâu.',
  BPMN_TOO_MANY_ELEMENTS: 'Sơ đồ có quá nhiều phần tử: hãy tách thành các quy trình con.',
  BPMN_INVALID: (d) => {
    const count = Array.isArray(d) ? d.length : 0;
    return count
      ? `Sơ đồ còn ${count} lỗi cần sửa trước khi triển khai (xem danh sách lỗi).`
      : 'Sơ đồ còn lỗi cần sửa trước khi triển khai.';
  },
  PARSE_WARNING: 'Sơ đồ có điểm cần lưu ý.',
  DUPLICATE_ID: 'Sơ đồ có hai phần tử trùng mã.',
  NO_PROCESS: 'Tệp sơ đồ không chứa quy trình nào.',
  NO_START_EVENT: 'Quy trình không có sự kiện bắt đầu.',
  START_EVENT_NOT_FOUND: 'Quy trình không có sự kiện bắt đầu đã chọn.',
  UNSUPPORTED_ELEMENT: 'Sơ đồ dùng phần tử chưa được hỗ trợ.',
  REFERENCE_UNRESOLVED: 'Sơ đồ tham chiếu tới phần tử không tồn tại.',
  UNKNOWN_ATTRIBUTE: 'Sơ đồ có thuộc tính không được hỗ trợ.',
  DESK_ACTION_NOT_USER_TASK: 'Thao tác một cửa chỉ gắn được vào bước xử lý của cán bộ (user task).',
  TIMER_INVALID: 'Hẹn giờ trong sơ đồ không hợp lệ.',
  FEEL_BUDGET_EXCEEDED: 'Biểu thức FEEL cần quá nhiều bước tính nên đã bị dừng.',
  FEEL_FUNCTION_FORBIDDEN: 'Biểu thức FEEL không được tự định nghĩa hàm.',
  FEEL_REGEX_UNSAFE: 'Biểu thức chính quy có thể chạy quá lâu nên không được dùng.',
  FEEL_EVALUATION_FAILED: 'Không tính được biểu thức FEEL của sơ đồ.',
  // Bảng quyết định (DMN, libs/decisions)
  DMN_MALFORMED: 'Tệp bảng quyết định không phải DMN 1.3 hợp lệ. Vui lòng kiểm tra lại tệp.',
  DMN_UNSUPPORTED_ELEMENT:
    'Bảng quyết định dùng phần tử chưa được hỗ trợ (chỉ hỗ trợ bảng quyết định và biểu thức FEEL).',
  DMN_INVALID_DECISION:
    'Bảng quyết định chưa đúng: số cột của một quy tắc, thứ tự ưu tiên kết quả hoặc cách tổng hợp cần sửa.',
  DMN_FEEL_SYNTAX: 'Một ô của bảng quyết định có biểu thức FEEL sai cú pháp.',
  DMN_REQUIREMENT_MISSING: 'Quyết định cần một quyết định hoặc dữ liệu đầu vào không có trong tệp.',
  DMN_REQUIREMENT_CYCLE: 'Các quyết định phụ thuộc lẫn nhau thành vòng: hãy bỏ một liên kết.',
  DMN_DECISION_NOT_FOUND: 'Không tìm thấy quyết định trong bảng quyết định đã triển khai.',
  DMN_HIT_POLICY_VIOLATION:
    'Bảng quyết định cho nhiều kết quả khác nhau trong khi chỉ được phép một: hãy sửa các quy tắc chồng nhau.',
  DMN_EVALUATION_FAILED: 'Không tính được bảng quyết định với dữ liệu của hồ sơ.',
  STEP_LIMIT_EXCEEDED: 'Quy trình lặp vô hạn mà không dừng chờ ở bước nào. Vui lòng kiểm tra sơ đồ.',
  DEFINITION_NOT_FOUND: 'Không tìm thấy quy trình (hoặc quy trình thuộc đơn vị ngoài phạm vi bạn quản trị).',
  DEFINITION_MISSING: 'Phiên bản quy trình của phiên xử lý này không còn.',
  INSTANCE_NOT_FOUND: 'Không tìm thấy phiên xử lý (hoặc phiên thuộc quy trình của đơn vị ngoài phạm vi bạn quản trị).',
  INSTANCE_NOT_RUNNING: 'Phiên xử lý đã kết thúc hoặc đã bị hủy.',
  MODEL_MISMATCH: 'Phiên xử lý không chạy theo quy trình này.',
  CONCURRENT_UPDATE: 'Phiên xử lý đang được thay đổi liên tục. Vui lòng thử lại.',
  STATE_CORRUPT: 'Dữ liệu phiên xử lý không nhất quán, vui lòng báo quản trị hệ thống.',
  INCIDENT_NOT_FOUND: 'Không tìm thấy sự cố (hoặc sự cố thuộc quy trình của đơn vị ngoài phạm vi bạn quản trị).',
  INCIDENT_NOT_OPEN: 'Sự cố đã được xử lý.',
  INCIDENT_NOT_RETRYABLE: 'Sự cố này không thể thử lại (không có công việc nền đi kèm).',
  JOB_NOT_FOUND: 'Không có công việc nền nào đang chờ trong phiên xử lý này.',
  CALL_NOT_FOUND: 'Không có quy trình con nào đang chờ lời gọi này.',
  MESSAGE_NOT_CORRELATED: 'Phiên xử lý không chờ thông điệp này.',
  MESSAGE_CORRELATION_AMBIGUOUS: 'Có nhiều phiên xử lý cùng chờ thông điệp này; cần chỉ rõ phiên.',
  MESSAGE_START_AMBIGUOUS: 'Có nhiều quy trình cùng bắt đầu bằng thông điệp này.',
  MESSAGE_START_NOT_FOUND: 'Quy trình không bắt đầu bằng thông điệp này.',
  SIGNAL_NOT_CAUGHT: 'Phiên xử lý không chờ tín hiệu này.',
  MIGRATION_INCOMPATIBLE: 'Không thể chuyển phiên xử lý sang phiên bản mới: hai phiên bản không tương thích.',
  MIGRATION_NOT_RUNNING: 'Chỉ chuyển được phiên xử lý đang chạy.',
  MIGRATION_NOT_WAITING: 'Phiên xử lý đang ở bước không dừng chờ, chưa chuyển được.',
  MIGRATION_UNMAPPED_ELEMENT: 'Có bước đang chạy chưa được ánh xạ sang phiên bản mới.',
  MIGRATION_VERSION_ORDER: 'Phiên bản đích phải mới hơn phiên bản hiện tại.',
  MIGRATION_WRONG_VERSION: 'Phiên xử lý không chạy phiên bản quy trình đã chọn.',

  // Bộ lọc đã lưu của hộp công việc
  SAVED_FILTER_NAME_TAKEN: 'Bạn đã có một bộ lọc trùng tên. Vui lòng đặt tên khác.',
  SAVED_FILTER_LIMIT: 'Bạn đã lưu đủ 20 bộ lọc. Vui lòng xóa bớt một bộ lọc trước khi lưu thêm.',
  SAVED_FILTER_NOT_FOUND: 'Không tìm thấy bộ lọc này (có thể đã bị xóa). Danh sách đã được cập nhật.',

  // Lịch làm việc, báo cáo
  CALENDAR_INVALID_DATE: 'Ngày không hợp lệ.',
  CALENDAR_INVALID_YEAR: 'Năm không hợp lệ (từ 1900 đến 2199, ví dụ 2027).',
  CALENDAR_INVALID_DURATION: 'Thời hạn không hợp lệ: "trong ngày" không kèm số ngày, giờ hay phút.',
  CALENDAR_INVALID_HOLIDAYS: 'Không tính được ngày nghỉ lễ của năm này: vui lòng nhập ngày nghỉ bằng tay.',
  CALENDAR_INVALID_HOURS: 'Giờ làm việc cần có ít nhất một buổi.',
  CALENDAR_INVALID_PAUSE: 'Khoảng tạm dừng kết thúc trước khi bắt đầu.',
  CALENDAR_OUT_OF_RANGE: 'Năm nằm ngoài khoảng lịch làm việc hỗ trợ.',
  PERIOD_INVALID: 'Kỳ báo cáo không hợp lệ: ngày bắt đầu phải trước ngày kết thúc.',
  PERIOD_TOO_LONG: 'Kỳ xem xu hướng quá dài, vui lòng chọn kỳ ngắn hơn.',
};

/** The Vietnamese sentence of a code, or undefined when the app has none (`client.ts` then says it by status). */
export function errorMessage(code: string, details?: unknown): string | undefined {
  const message = ERROR_MESSAGES[code];
  return typeof message === 'function' ? message(details) : message;
}
