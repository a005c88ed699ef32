import { END_OUTCOMES, isEndOutcome, type ValidationIssue } from '../../engine.types';
import { feelSyntaxError } from '../../feel/feel-expression';
import type { ElementModel, ProcessModel } from '../../model/process-model.types';
import { issue, type ValidationRule } from '../validation-rule';

/** Vietnamese names of the outcomes, for the messages (the modeler shows them as they are). */
const OUTCOME_LABELS: Record<(typeof END_OUTCOMES)[number], string> = {
  returned: 'Đã trả kết quả',
  rejected: 'Từ chối giải quyết',
  withdrawn: 'Đã rút hồ sơ',
};
const CHOICES = END_OUTCOMES.map((o) => `${o} (${OUTCOME_LABELS[o]})`).join(', ');
/** End events that consume their token like a none end event: only these may close the dossier. */
const CLOSING_KINDS = ['endEvent:none', 'endEvent:terminate'];

/**
 * `mc:outcome` and `mc:reason` on end events (ADR 0011). Messages are Vietnamese: administrators
 * read them in the modeler as the server wrote them.
 * - the outcome must be one of `END_OUTCOMES`, on a none or terminate end event of the process
 *   itself (an end event inside a subprocess ends only the subprocess);
 * - a refusal needs the citizen-facing reason (it is printed on Form 03 and sent by SMS), in FEEL;
 * - a step that shows the citizen a closed status (`mc:status` rejected or withdrawn) in a
 *   process with no end event of that outcome leaves the dossier open for ever (a warning: this
 *   is the defect of issue 16, item 2).
 */
export const outcomeRule: ValidationRule = (model) => {
  const issues: ValidationIssue[] = [];
  for (const element of Object.values(model.elements)) {
    const outcome = element.outcome;
    if (!outcome) continue;
    if (!isEndOutcome(outcome.value)) {
      issues.push(
        issue(
          element.id,
          'OUTCOME_UNKNOWN',
          'error',
          `Kết quả hồ sơ "${outcome.value}" không hợp lệ: chọn một trong ${CHOICES}`,
        ),
      );
      continue;
    }
    if (!CLOSING_KINDS.includes(element.kind)) {
      issues.push(
        issue(
          element.id,
          'OUTCOME_END_KIND',
          'error',
          'Kết quả hồ sơ chỉ đặt trên sự kiện kết thúc thường hoặc kết thúc dừng toàn bộ (terminate)',
        ),
      );
    } else if (element.scopeId !== model.id) {
      issues.push(
        issue(
          element.id,
          'OUTCOME_IN_SUBPROCESS',
          'error',
          'Kết quả hồ sơ chỉ đặt trên sự kiện kết thúc của quy trình chính: kết thúc trong quy trình con chỉ kết thúc quy trình con',
        ),
      );
    }
    if (outcome.value === 'rejected' && !outcome.reason) {
      issues.push(
        issue(
          element.id,
          'OUTCOME_REASON_MISSING',
          'error',
          'Từ chối giải quyết phải có lý do gửi công dân (mc:reason): ghi tên biến chứa lý do, ví dụ rejectionReason — lý do được in trên Phiếu từ chối (Mẫu 03) và gửi qua SMS',
        ),
      );
    }
    const error = outcome.reason ? feelSyntaxError(outcome.reason) : null;
    if (error)
      issues.push(
        issue(
          element.id,
          'OUTCOME_REASON_INVALID',
          'error',
          `Lý do (mc:reason) không phải biểu thức FEEL hợp lệ: ${error}`,
        ),
      );
  }
  issues.push(...closedStatusesWithoutOutcome(model));
  return issues;
};

function closedStatusesWithoutOutcome(model: ProcessModel): ValidationIssue[] {
  const outcomes = new Set(Object.values(model.elements).map((e) => e.outcome?.value));
  return Object.values(model.elements)
    .filter(
      (e): e is ElementModel & { userTask: { status: 'rejected' | 'withdrawn' } } =>
        e.userTask?.status === 'rejected' || e.userTask?.status === 'withdrawn',
    )
    .filter((e) => !outcomes.has(e.userTask.status))
    .map((e) =>
      issue(
        e.id,
        'STATUS_WITHOUT_OUTCOME',
        'warning',
        `Bước này hiển thị "${OUTCOME_LABELS[e.userTask.status]}" nhưng quy trình không có sự kiện kết thúc với kết quả ${e.userTask.status}: hồ sơ sẽ không bao giờ được đóng và vẫn bị tính là đang giải quyết`,
      ),
    );
}
