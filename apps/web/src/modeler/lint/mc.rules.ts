import { OUTCOME_OPTIONS, STATUS_OPTIONS, UNIT_REFERENCES, splitGroups } from '../mc-vocabulary';
import type { ModdleElement } from '../moddle.types';
import { formError } from '../mc-form';
import { workingHours } from '../time-budget/step-duration';
import { deskActionIssues } from './desk-action.rules';
import type { DiagramIssue } from './issue.types';

/** Every flow element of the definitions, subprocesses included. */
export function flowElementsOf(definitions: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  const walk = (container: ModdleElement) => {
    for (const element of (container.flowElements ?? []) as ModdleElement[]) {
      found.push(element);
      if (element.flowElements) walk(element);
    }
  };
  for (const root of (definitions.rootElements ?? []) as ModdleElement[])
    if (root.$instanceOf('bpmn:Process')) walk(root);
  return found;
}

/**
 * Checks of the `mc:` attributes that need no server: the same verdicts as libs/engine's task
 * rule (DURATION_INVALID, FORM_INVALID, TASK_UNASSIGNED), so they show while drawing, plus the
 * ones only the modeler can make (a status key or unit code that does not exist).
 */
export function mcIssues(definitions: ModdleElement, unitCodes: ReadonlySet<string>): DiagramIssue[] {
  const issues: DiagramIssue[] = [];
  const add = (elementId: string, code: string, severity: DiagramIssue['severity'], message: string) =>
    issues.push({ elementId, code, severity, message, source: 'modeler' });
  const elements = flowElementsOf(definitions);
  issues.push(...outcomeIssues(elements).map((i) => ({ ...i, source: 'modeler' as const })));
  for (const element of elements) {
    if (!element.$instanceOf('bpmn:UserTask')) continue;
    const duration = element.get('mc:duration') as string | undefined;
    if (duration?.trim() && workingHours(duration) === null)
      add(
        element.id,
        'DURATION_INVALID',
        'error',
        `Thời hạn "${duration}" không hợp lệ: dùng số ngày (2d) hoặc số giờ (4h) làm việc`,
      );
    const form = element.get('mc:form') as string | undefined;
    const invalidForm = form ? formError(form) : null;
    if (invalidForm) add(element.id, 'FORM_INVALID', 'error', `Biểu mẫu hoàn thành: ${invalidForm}`);
    const status = element.get('mc:status') as string | undefined;
    if (status && !STATUS_OPTIONS.some((option) => option.value === status))
      add(
        element.id,
        'STATUS_UNKNOWN',
        'warning',
        `Trạng thái "${status}" không có trong danh sách trạng thái công khai`,
      );
    const unit = (element.get('mc:unit') as string | undefined)?.trim();
    if (unit && unitCodes.size && !unitCodes.has(unit) && !UNIT_REFERENCES.some((ref) => ref.value === unit))
      add(element.id, 'UNIT_UNKNOWN', 'warning', `Đơn vị "${unit}" không có trong danh mục đơn vị`);
    const assigned =
      splitGroups(element.get('mc:candidateGroups')).length > 0 ||
      element.$attrs['camunda:candidateGroups'] ||
      element.$attrs['camunda:assignee'];
    if (!assigned && !hasZeebeAssignment(element))
      add(
        element.id,
        'TASK_UNASSIGNED',
        'warning',
        'Chưa chọn vai trò xử lý: không ai thấy bước này trong hộp công việc',
      );
  }
  issues.push(...deskActionIssues(flowElementsOf(definitions)).map((i) => ({ ...i, source: 'modeler' as const })));
  return issues;
}

function hasZeebeAssignment(element: ModdleElement): boolean {
  const values = (element.extensionElements?.values ?? []) as ModdleElement[];
  return values.some(
    (value) => value.$type === 'zeebe:assignmentDefinition' && (value.candidateGroups || value.assignee),
  );
}

const OUTCOME_CHOICES = OUTCOME_OPTIONS.map((o) => `${o.value} (${o.label})`).join(', ');
const CLOSED_STATUSES: Record<string, string> = { rejected: 'Từ chối giải quyết', withdrawn: 'Đã rút hồ sơ' };

/**
 * `mc:outcome` / `mc:reason` on end events: the same verdicts as libs/engine's outcome rule
 * (ADR 0011), in the same words, so an administrator sees them while drawing.
 */
export function outcomeIssues(elements: ModdleElement[]): Omit<DiagramIssue, 'source'>[] {
  const issues: Omit<DiagramIssue, 'source'>[] = [];
  const outcomes = new Set<string>();
  for (const element of elements) {
    if (!element.$instanceOf('bpmn:EndEvent')) continue;
    const outcome = (element.get('mc:outcome') as string | undefined)?.trim();
    if (!outcome) continue;
    outcomes.add(outcome);
    if (!OUTCOME_OPTIONS.some((o) => o.value === outcome)) {
      issues.push({
        elementId: element.id,
        code: 'OUTCOME_UNKNOWN',
        severity: 'error',
        message: `Kết quả hồ sơ "${outcome}" không hợp lệ: chọn một trong ${OUTCOME_CHOICES}`,
      });
      continue;
    }
    // Inline definitions and those referred to by id (eventDefinitionRef) count alike, as in the engine.
    const kinds = [...(element.eventDefinitions ?? []), ...(element.eventDefinitionRef ?? [])]
      .filter(Boolean)
      .map((d: ModdleElement) => d.$type);
    if (kinds.some((kind) => kind !== 'bpmn:TerminateEventDefinition')) {
      issues.push({
        elementId: element.id,
        code: 'OUTCOME_END_KIND',
        severity: 'error',
        message: 'Kết quả hồ sơ chỉ đặt trên sự kiện kết thúc thường hoặc kết thúc dừng toàn bộ (terminate)',
      });
    } else if (!element.$parent?.$instanceOf('bpmn:Process')) {
      issues.push({
        elementId: element.id,
        code: 'OUTCOME_IN_SUBPROCESS',
        severity: 'error',
        message:
          'Kết quả hồ sơ chỉ đặt trên sự kiện kết thúc của quy trình chính: kết thúc trong quy trình con chỉ kết thúc quy trình con',
      });
    }
    if (outcome === 'rejected' && !(element.get('mc:reason') as string | undefined)?.trim()) {
      issues.push({
        elementId: element.id,
        code: 'OUTCOME_REASON_MISSING',
        severity: 'error',
        message:
          'Từ chối giải quyết phải có lý do gửi công dân: chọn ô nhập chứa lý do (ví dụ rejectionReason) trong nhóm "Kết thúc hồ sơ"',
      });
    }
  }
  for (const element of elements) {
    const status = element.$instanceOf('bpmn:UserTask') ? (element.get('mc:status') as string | undefined) : undefined;
    if (status && CLOSED_STATUSES[status] && !outcomes.has(status)) {
      issues.push({
        elementId: element.id,
        code: 'STATUS_WITHOUT_OUTCOME',
        severity: 'warning',
        message: `Bước này hiển thị "${CLOSED_STATUSES[status]}" nhưng quy trình không có sự kiện kết thúc với kết quả ${status}: hồ sơ sẽ không bao giờ được đóng và vẫn bị tính là đang giải quyết`,
      });
    }
  }
  return issues;
}
