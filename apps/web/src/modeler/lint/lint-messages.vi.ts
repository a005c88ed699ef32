/** Vietnamese text for bpmnlint's reports, by rule (its own messages are English). */
const bpmnlintMessages: Record<string, string | ((message: string) => string)> = {
  'start-event-required': 'Quy trình chưa có sự kiện bắt đầu',
  'end-event-required': 'Quy trình chưa có sự kiện kết thúc',
  'no-disconnected': 'Phần tử chưa được nối với luồng xử lý',
  'no-duplicate-sequence-flows': 'Có luồng trùng lặp giữa hai phần tử',
  'event-based-gateway': (m) =>
    m.includes('at least 2')
      ? 'Cổng sự kiện cần ít nhất 2 luồng ra'
      : 'Luồng ra từ cổng sự kiện không được có điều kiện',
  'no-complex-gateway': 'Cổng phức hợp (complex gateway) không được hỗ trợ',
  'single-blank-start-event': 'Chỉ được có một sự kiện bắt đầu không loại',
  'single-event-definition': 'Sự kiện có nhiều định nghĩa',
  'sub-process-blank-start-event': 'Sự kiện bắt đầu của quy trình con phải là loại trống',
  'event-sub-process-typed-start-event': 'Sự kiện bắt đầu của quy trình con sự kiện phải có loại',
  'label-required': 'Phần tử chưa có tên',
  'conditional-flows': 'Luồng chưa có điều kiện (và không phải luồng mặc định)',
  'no-implicit-split': 'Luồng tách ngầm: hãy dùng cổng (gateway) để tách nhánh',
  'no-gateway-join-fork': 'Cổng vừa gộp vừa tách nhánh: nên tách làm hai cổng',
  'fake-join': 'Nhiều luồng vào không được gộp: hãy dùng cổng gộp',
  'superfluous-gateway': 'Cổng thừa: chỉ có một luồng vào và một luồng ra',
  'superfluous-termination': 'Sự kiện kết thúc dừng toàn bộ (terminate) là không cần thiết',
  'no-overlapping-elements': (m) =>
    m.includes('outside') ? 'Phần tử nằm ngoài khung chứa' : 'Phần tử chồng lên phần tử khác',
  'no-bpmndi': 'Phần tử không có hình vẽ trên sơ đồ',
};

export function bpmnlintMessage(rule: string, message: string): string {
  const text = bpmnlintMessages[rule];
  if (typeof text === 'function') return text(message);
  return text ?? message;
}

/** Vietnamese text for the server validator's codes (libs/engine); unknown codes keep the server's text. */
export const VALIDATION_MESSAGES: Record<string, string> = {
  BOUNDARY_HOST_INVALID: 'Sự kiện biên gắn vào phần tử không hợp lệ',
  BOUNDARY_INCOMING: 'Sự kiện biên không được có luồng vào',
  CONDITION_IGNORED: 'Điều kiện trên luồng này bị bỏ qua',
  CONDITION_MISSING: 'Luồng rẽ nhánh chưa có điều kiện: luôn được coi là đúng',
  DEFAULT_FLOW_INVALID: 'Luồng mặc định không hợp lệ',
  DURATION_INVALID: 'Thời hạn xử lý không hợp lệ (dùng 2d, 4h, P2D hoặc PT4H)',
  DURATION_ZERO: 'Thời hạn xử lý phải lớn hơn 0 (bỏ trống nếu bước không có thời hạn)',
  EVENT_GATEWAY_TARGET_INVALID: 'Sau cổng sự kiện chỉ được là sự kiện chờ (tin nhắn, hẹn giờ…)',
  FEEL_INVALID: 'Biểu thức điều kiện (FEEL) không hợp lệ',
  FLOW_CROSSES_SCOPE: 'Luồng đi xuyên qua ranh giới quy trình con',
  FLOW_DANGLING: 'Luồng thiếu điểm đầu hoặc điểm cuối',
  FORM_INVALID: 'Biểu mẫu hoàn thành phải là một đối tượng JSON',
  MESSAGE_MISSING: 'Sự kiện tin nhắn chưa chọn tin nhắn',
  MULTIPLE_START_EVENTS: 'Có nhiều sự kiện bắt đầu',
  NO_DEFAULT_FLOW: 'Cổng rẽ nhánh chưa có luồng mặc định: có thể không luồng nào thỏa',
  NO_START_EVENT: 'Quy trình chưa có sự kiện bắt đầu',
  PROCESS_NOT_EXECUTABLE: 'Quy trình chưa được đánh dấu là thực thi được',
  NO_EXECUTABLE_PROCESS: 'Tệp không có quy trình thực thi được',
  RETRIES_INVALID: 'Số lần thử phải là số nguyên',
  TASK_UNASSIGNED: 'Chưa phân công: không ai thấy bước này trong hộp công việc',
  TIMER_INVALID: 'Thời gian hẹn giờ không hợp lệ',
  TIMER_UNDEFINED: 'Hẹn giờ chưa có thời gian',
  UNREACHABLE: 'Không thể đi tới phần tử này từ sự kiện bắt đầu',
  UNSUPPORTED_ELEMENT: 'Loại phần tử này chưa được hệ thống hỗ trợ thực thi',
  DUPLICATE_ID: 'Mã phần tử bị trùng',
  CALLED_ELEMENT_MISSING: 'Hoạt động gọi quy trình chưa chọn quy trình được gọi',
  CALLED_ELEMENT_INVALID: 'Mã quy trình được gọi không hợp lệ (chữ cái hoặc _, tiếp theo tối đa 199 chữ, số, _ . -)',
  UNKNOWN_ATTRIBUTE: 'Thuộc tính không được nhận biết',
  // Thao tác một cửa trên sơ đồ (mc:action, ADR 0012).
  DESK_ACTION_UNKNOWN: 'Thao tác một cửa không tồn tại (chỉ có: yêu cầu bổ sung, xin lỗi hẹn lại)',
  DESK_ACTION_NOT_USER_TASK: 'Chỉ bước xử lý của người (user task) mới là thao tác một cửa',
  DESK_ACTION_MULTI_INSTANCE: 'Thao tác một cửa chỉ làm một lần cho mỗi hồ sơ: bỏ lặp (đa thể hiện)',
  DESK_ACTION_GROUPS: 'Bước thao tác một cửa chưa giao cho vai trò được làm thao tác đó (một cửa, lãnh đạo)',
  // Giới hạn đối với sơ đồ (issue 15, docs/security.md).
  TIMER_CYCLE_TOO_SHORT: 'Hẹn giờ lặp lại quá dày: khoảng lặp phải từ mức tối thiểu trở lên (mặc định 1 phút)',
  MULTI_INSTANCE_CARDINALITY_TOO_LARGE: 'Số lần lặp (đa thể hiện) vượt quá mức cho phép (mặc định 1.000)',
  FEEL_BUDGET_EXCEEDED: 'Biểu thức FEEL cần quá nhiều bước tính (vòng lặp hoặc danh sách quá lớn)',
  FEEL_FUNCTION_FORBIDDEN: 'Không được tự định nghĩa hàm (function) trong biểu thức FEEL',
  FEEL_REGEX_UNSAFE:
    'Biểu thức chính quy có thể chạy quá lâu (lặp lồng nhau, tham chiếu ngược hoặc nhìn trước/sau): hãy viết đơn giản hơn',
  BPMN_DOCTYPE_FORBIDDEN: 'Tệp BPMN không được có khai báo DOCTYPE: hãy xóa dòng <!DOCTYPE …>',
  BPMN_INVALID_CHARACTER: 'Tệp BPMN chứa ký tự không hợp lệ trong XML (ví dụ &#0;): hãy xóa ký tự đó',
  BPMN_TOO_MANY_ELEMENTS:
    'Sơ đồ có quá nhiều phần tử (mặc định tối đa 5.000): hãy tách thành các quy trình con được gọi',
  BPMN_TOO_DEEP:
    'Quy trình con lồng nhau quá sâu (mặc định tối đa 32 tầng): hãy giảm bớt hoặc dùng hoạt động gọi quy trình',
  MULTI_INSTANCE_INVALID: 'Biểu thức lặp (đa thể hiện) không cho ra danh sách hoặc số lần lặp hợp lệ',
  MULTI_INSTANCE_BEHAVIOR_UNSUPPORTED:
    'Kiểu phát sự kiện khi lặp (behavior None, One, Complex) chưa được hỗ trợ: chỉ dùng kiểu mặc định "All"',
  QUANTITY_INVALID: 'Số token bắt đầu/hoàn thành (startQuantity, completionQuantity) phải là số nguyên từ 1 trở lên',
  QUANTITY_UNSUPPORTED:
    'Hệ thống chỉ chạy startQuantity và completionQuantity bằng 1: hãy dùng cổng song song để chờ hoặc tách nhiều nhánh',
  CALL_GLOBAL_TASK_UNSUPPORTED:
    'Hoạt động gọi chỉ gọi được một quy trình, không gọi được tác vụ dùng chung (global task): hãy vẽ tác vụ ngay trong quy trình',
  EVENT_DEFINITION_UNRESOLVED: 'Sự kiện tham chiếu tới định nghĩa sự kiện (eventDefinitionRef) không có trong tệp',
  SCRIPT_LANGUAGE_UNSUPPORTED: 'Bước tính toán (script) chỉ nhận biểu thức FEEL',
  SCRIPT_MISSING: 'Bước tính toán (script) chưa có biểu thức FEEL',
  SIGNAL_MISSING: 'Sự kiện tín hiệu chưa chọn tín hiệu',
  // Kết thúc hồ sơ (mc:outcome, ADR 0011): the server's own text is Vietnamese and names the detail.
  OUTCOME_UNKNOWN: 'Kết quả hồ sơ không hợp lệ',
  OUTCOME_END_KIND: 'Kết quả hồ sơ chỉ đặt trên sự kiện kết thúc thường hoặc kết thúc dừng toàn bộ',
  OUTCOME_IN_SUBPROCESS: 'Kết quả hồ sơ chỉ đặt trên sự kiện kết thúc của quy trình chính',
  OUTCOME_REASON_MISSING: 'Từ chối giải quyết phải có lý do gửi công dân (mc:reason)',
  OUTCOME_REASON_INVALID: 'Lý do (mc:reason) không phải biểu thức FEEL hợp lệ',
  STATUS_WITHOUT_OUTCOME: 'Trạng thái hồ sơ đặt trên sự kiện kết thúc cần đi kèm kết quả hồ sơ',
};

/** Codes the server answers with 400 for the whole document (no element to point at). */
export const DOCUMENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'BPMN_DOCTYPE_FORBIDDEN',
  'BPMN_INVALID_CHARACTER',
  'BPMN_TOO_MANY_ELEMENTS',
  'BPMN_TOO_DEEP',
]);

/** Vietnamese first; the server's own text follows so nothing is lost (it names the details). */
export function serverMessage(code: string, message: string): string {
  const text = VALIDATION_MESSAGES[code];
  if (!text) return message;
  // The server's text follows when it is Vietnamese (it names the detail); an English one is left out.
  return /[À-ỹ]/.test(message) && message !== text ? `${text} — ${message}` : text;
}
