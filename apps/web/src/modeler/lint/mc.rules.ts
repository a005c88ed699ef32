import { DESK_ACTION_ROLES, isDeskAction } from '../../../../../libs/engine/src/model/desk-action';
import { DESK_ACTION_OPTIONS, STATUS_OPTIONS, UNIT_REFERENCES, splitGroups } from '../mc-vocabulary';
import type { ModdleElement } from '../moddle.types';
import { formError } from '../mc-form';
import { workingHours } from '../time-budget/step-duration';
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
  for (const root of (definitions.rootElements ?? []) as ModdleElement[]) if (root.$instanceOf('bpmn:Process')) walk(root);
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
  for (const element of flowElementsOf(definitions)) {
    if (!element.$instanceOf('bpmn:UserTask')) {
      if (element.$attrs?.['mc:action']) add(element.id, 'DESK_ACTION_NOT_USER_TASK', 'error', 'Chỉ bước xử lý của người (user task) mới là thao tác một cửa: hãy đổi loại phần tử hoặc bỏ thao tác');
      continue;
    }
    deskActionIssues(element, add);
    const duration = element.get('mc:duration') as string | undefined;
    if (duration?.trim() && workingHours(duration) === null) add(element.id, 'DURATION_INVALID', 'error', `Thời hạn "${duration}" không hợp lệ: dùng số ngày (2d) hoặc số giờ (4h) làm việc`);
    const form = element.get('mc:form') as string | undefined;
    const invalidForm = form ? formError(form) : null;
    if (invalidForm) add(element.id, 'FORM_INVALID', 'error', `Biểu mẫu hoàn thành: ${invalidForm}`);
    const status = element.get('mc:status') as string | undefined;
    if (status && !STATUS_OPTIONS.some((option) => option.value === status)) add(element.id, 'STATUS_UNKNOWN', 'warning', `Trạng thái "${status}" không có trong danh sách trạng thái công khai`);
    const unit = (element.get('mc:unit') as string | undefined)?.trim();
    if (unit && unitCodes.size && !unitCodes.has(unit) && !UNIT_REFERENCES.some((ref) => ref.value === unit)) add(element.id, 'UNIT_UNKNOWN', 'warning', `Đơn vị "${unit}" không có trong danh mục đơn vị`);
    const assigned = splitGroups(element.get('mc:candidateGroups')).length > 0 || element.$attrs['camunda:candidateGroups'] || element.$attrs['camunda:assignee'];
    if (!assigned && !hasZeebeAssignment(element)) add(element.id, 'TASK_UNASSIGNED', 'warning', 'Chưa chọn vai trò xử lý: không ai thấy bước này trong hộp công việc');
  }
  return issues;
}

const ROLE_NAMES: Record<string, string> = { reception: 'Bộ phận một cửa', leader: 'Lãnh đạo đơn vị' };

/** The same verdicts as libs/engine's desk-action rule, in the officer's words. */
function deskActionIssues(element: ModdleElement, add: (elementId: string, code: string, severity: DiagramIssue['severity'], message: string) => void): void {
  const action = (element.get('mc:action') as string | undefined)?.trim();
  if (!action) return;
  if (!isDeskAction(action)) {
    add(element.id, 'DESK_ACTION_UNKNOWN', 'error', `Thao tác một cửa "${action}" không tồn tại: chọn ${DESK_ACTION_OPTIONS.map((o) => `"${o.label}"`).join(' hoặc ')}`);
    return;
  }
  if (element.loopCharacteristics) add(element.id, 'DESK_ACTION_MULTI_INSTANCE', 'error', 'Thao tác một cửa chỉ làm một lần cho mỗi hồ sơ: bỏ lặp (đa thể hiện) ở bước này');
  const groups = splitGroups(element.get('mc:candidateGroups'));
  const roles = DESK_ACTION_ROLES[action];
  if (groups.length && !groups.some((group) => roles.includes(group))) {
    add(element.id, 'DESK_ACTION_GROUPS', 'warning', `Thao tác này do ${roles.map((r) => ROLE_NAMES[r] ?? r).join(' hoặc ')} thực hiện: hãy giao bước cho vai trò đó`);
  }
}

function hasZeebeAssignment(element: ModdleElement): boolean {
  const values = (element.extensionElements?.values ?? []) as ModdleElement[];
  return values.some((value) => value.$type === 'zeebe:assignmentDefinition' && (value.candidateGroups || value.assignee));
}
