import { DESK_ACTION_ROLES, isDeskAction } from '../../../../../libs/engine/src/model/desk-action';
import { DESK_ACTION_OPTIONS, splitGroups } from '../mc-vocabulary';
import type { ModdleElement } from '../moddle.types';
import type { DiagramIssue } from './issue.types';

const ROLE_NAMES: Record<string, string> = { reception: 'Bộ phận một cửa', leader: 'Lãnh đạo đơn vị' };

/**
 * `mc:action` (ADR 0012): the same verdicts as libs/engine's desk-action rule and the parser's
 * DESK_ACTION_NOT_USER_TASK, in the administrator's words, while drawing.
 */
export function deskActionIssues(elements: readonly ModdleElement[]): Omit<DiagramIssue, 'source'>[] {
  const issues: Omit<DiagramIssue, 'source'>[] = [];
  const add = (elementId: string, code: string, severity: DiagramIssue['severity'], message: string) =>
    issues.push({ elementId, code, severity, message });
  for (const element of elements) {
    if (!element.$instanceOf('bpmn:UserTask')) {
      // moddle keeps an mc: attribute the descriptor does not define for the type in $attrs
      if (element.$attrs?.['mc:action'])
        add(
          element.id,
          'DESK_ACTION_NOT_USER_TASK',
          'error',
          'Chỉ bước xử lý của người (user task) mới là thao tác một cửa: hãy đổi loại phần tử hoặc bỏ thao tác',
        );
      continue;
    }
    const action = (element.get('mc:action') as string | undefined)?.trim();
    if (!action) continue;
    if (!isDeskAction(action)) {
      add(
        element.id,
        'DESK_ACTION_UNKNOWN',
        'error',
        `Thao tác một cửa "${action}" không tồn tại: chọn ${DESK_ACTION_OPTIONS.map((o) => `"${o.label}"`).join(' hoặc ')}`,
      );
      continue;
    }
    if (element.loopCharacteristics)
      add(
        element.id,
        'DESK_ACTION_MULTI_INSTANCE',
        'error',
        'Thao tác một cửa chỉ làm một lần cho mỗi hồ sơ: bỏ lặp (đa thể hiện) ở bước này',
      );
    const groups = splitGroups(element.get('mc:candidateGroups'));
    const roles = DESK_ACTION_ROLES[action];
    if (groups.length && !groups.some((group) => roles.includes(group))) {
      add(
        element.id,
        'DESK_ACTION_GROUPS',
        'warning',
        `Thao tác này do ${roles.map((r) => ROLE_NAMES[r] ?? r).join(' hoặc ')} thực hiện: hãy giao bước cho vai trò đó`,
      );
    }
  }
  return issues;
}
