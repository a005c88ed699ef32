// No imports: test/unit/instance-labels.spec.ts reads this catalogue under the server's tsconfig.

/** `InstanceDto.status` in Vietnamese, with the tag colour. */
export const INSTANCE_STATUS: Record<string, { label: string; color: string }> = {
  running: { label: 'Đang xử lý', color: 'processing' },
  incident: { label: 'Có sự cố', color: 'error' },
  completed: { label: 'Đã hoàn thành', color: 'success' },
  terminated: { label: 'Đã hủy', color: 'default' },
};

/** History event types (libs/engine `history(...)`, libs/workflow) as an administrator reads them. */
export const HISTORY_TYPE_LABELS: Record<string, string> = {
  'instance.started': 'Bắt đầu phiên xử lý',
  'instance.completed': 'Kết thúc phiên xử lý',
  'instance.terminated': 'Hủy phiên xử lý',
  'instance.migrated': 'Chuyển sang phiên bản quy trình mới',
  'element.entered': 'Đến bước',
  'element.completed': 'Xong bước',
  'element.cancelled': 'Bỏ bước',
  'flow.taken': 'Đi theo luồng',
  'task.created': 'Tạo công việc',
  'task.claimed': 'Nhận công việc',
  'task.unclaimed': 'Trả lại công việc',
  'task.assigned': 'Giao công việc',
  'task.completed': 'Hoàn thành công việc',
  'task.cancelled': 'Hủy công việc',
  'task.released': 'Trả lại công việc',
  'task.delegated': 'Ủy quyền công việc',
  'task.overdue': 'Công việc quá hạn',
  'job.failed': 'Công việc nền lỗi',
  'job.scheduled': 'Lên lịch công việc nền',
  'job.completed': 'Xong công việc nền',
  'job.cancelled': 'Hủy công việc nền',
  'timer.scheduled': 'Đặt hẹn giờ',
  'timer.fired': 'Đến giờ hẹn',
  'message.correlated': 'Nhận thông điệp',
  'message.sent': 'Gửi thông điệp',
  'signal.thrown': 'Phát tín hiệu',
  'signal.received': 'Nhận tín hiệu',
  'error.thrown': 'Phát sinh lỗi nghiệp vụ',
  'error.caught': 'Bắt lỗi nghiệp vụ',
  'error.uncaught': 'Lỗi nghiệp vụ không được bắt',
  'escalation.caught': 'Chuyển cấp xử lý',
  'escalation.uncaught': 'Chuyển cấp không được bắt',
  'call.started': 'Gọi quy trình con',
  'call.completed': 'Quy trình con kết thúc',
  'call.cancelled': 'Hủy quy trình con',
  'scope.terminated': 'Kết thúc quy trình con',
  'variable.set': 'Ghi biến',
  'outcome.reached': 'Đạt kết quả xử lý',
  'incident.created': 'Phát sinh sự cố',
  'incident.resolved': 'Xử lý xong sự cố',
  incident: 'Phát sinh sự cố',
};

/** An event type without a label still shows Vietnamese, never the raw type. */
export function historyLabel(type: string): string {
  return HISTORY_TYPE_LABELS[type] ?? 'Sự kiện khác của quy trình';
}

/** BPMN element kinds, for elements drawn without a name. */
const ELEMENT_KIND_LABELS: Record<string, string> = {
  'bpmn:StartEvent': 'Sự kiện bắt đầu',
  'bpmn:EndEvent': 'Sự kiện kết thúc',
  'bpmn:IntermediateCatchEvent': 'Sự kiện chờ',
  'bpmn:IntermediateThrowEvent': 'Sự kiện phát',
  'bpmn:BoundaryEvent': 'Sự kiện biên',
  'bpmn:ExclusiveGateway': 'Cổng rẽ nhánh',
  'bpmn:ParallelGateway': 'Cổng song song',
  'bpmn:InclusiveGateway': 'Cổng bao hàm',
  'bpmn:EventBasedGateway': 'Cổng theo sự kiện',
  'bpmn:SequenceFlow': 'Luồng',
  'bpmn:UserTask': 'Bước xử lý',
  'bpmn:ServiceTask': 'Tác vụ dịch vụ',
  'bpmn:SubProcess': 'Quy trình con',
  'bpmn:CallActivity': 'Gọi quy trình',
};

/** The name an element is drawn with, or its kind in Vietnamese. */
export function elementLabel(element: { type: string; name?: string | null } | undefined): string {
  if (!element) return '—';
  return element.name?.trim() || ELEMENT_KIND_LABELS[element.type] || 'Phần tử của sơ đồ';
}

/** Incidents the engine and the job runner record (libs/engine, libs/workflow job-failure.recorder). */
export const RUNTIME_INCIDENT_LABELS: Record<string, string> = {
  JOB_FAILED: 'Công việc nền đã chạy hết số lần thử mà vẫn lỗi',
  HANDLER_NOT_FOUND: 'Chưa có bộ xử lý cho công việc nền này (hệ thống liên thông chưa được cấu hình)',
  NO_MATCHING_FLOW: 'Không có nhánh nào thỏa điều kiện để đi tiếp',
  FEEL_EVALUATION_FAILED: 'Không tính được biểu thức điều kiện',
  ERROR_UNCAUGHT: 'Lỗi nghiệp vụ không có sự kiện nào bắt',
  SIGNAL_NOT_CAUGHT: 'Tín hiệu không có nơi nhận',
  MESSAGE_NOT_CORRELATED: 'Thông điệp đã gửi không có phiên xử lý nào đang chờ và không quy trình nào bắt đầu bằng nó',
  MESSAGE_START_AMBIGUOUS: 'Thông điệp đã gửi khớp với nhiều quy trình bắt đầu bằng thông điệp: chỉ được có một',
  MULTI_INSTANCE_INVALID: 'Cấu hình lặp (đa thể hiện) không hợp lệ',
  SCRIPT_LANGUAGE_UNSUPPORTED: 'Ngôn ngữ kịch bản không được hỗ trợ',
  OUTCOME_UNKNOWN: 'Kết quả xử lý không có trong danh mục',
  OUTCOME_REASON_MISSING: 'Kết quả xử lý thiếu lý do',
  STATUS_WITHOUT_OUTCOME: 'Trạng thái hồ sơ đặt mà không có kết quả xử lý',
};
