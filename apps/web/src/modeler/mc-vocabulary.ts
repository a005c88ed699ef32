import mcDescriptor from '../../../../libs/engine/src/moddle/mc.json';
import type { ModdleElement } from './moddle.types';

/**
 * The `mc` moddle descriptor, imported from libs/engine so the modeler writes exactly what the
 * engine parses (one descriptor, never a copy).
 */
export const mcModdle = mcDescriptor;

/** `mc:unit` values relative to the dossier (DESIGN §2); anything else is a unit code. */
export const UNIT_REFERENCES: { value: string; label: string }[] = [
  { value: 'receiving', label: 'Đơn vị tiếp nhận hồ sơ' },
  { value: 'parent', label: 'Đơn vị cấp trên' },
  { value: 'province', label: 'Cấp tỉnh' },
];

/** Roles a step can be given to (`mc:candidateGroups`); `specialist:<field>` narrows the specialists. */
export const ROLE_OPTIONS: { value: string; label: string }[] = [
  { value: 'reception', label: 'Bộ phận một cửa' },
  { value: 'specialist', label: 'Chuyên viên' },
  { value: 'head', label: 'Lãnh đạo phòng' },
  { value: 'leader', label: 'Lãnh đạo đơn vị' },
];

/** Citizen-facing statuses (DESIGN §5), the values of `mc:status`: the web app's one list of them. */
export { STATUS_OPTIONS } from '../api/dossier-status';

/** `mc:action` values (ADR 0012): the one-stop desk action that completes the step. */
export const DESK_ACTION_OPTIONS: { value: string; label: string; hint: string }[] = [
  {
    value: 'supplement',
    label: 'Yêu cầu bổ sung hồ sơ (Mẫu 02)',
    hint: 'Bộ phận một cửa gửi phiếu yêu cầu bổ sung (Mẫu 02, tạm dừng thời gian, nhắn tin cho công dân); bước xong khi một cửa ghi nhận đã nhận đủ hồ sơ bổ sung.',
  },
  {
    value: 'apology',
    label: 'Xin lỗi, hẹn lại ngày trả (Mẫu 04)',
    hint: 'Lãnh đạo đơn vị ký phiếu xin lỗi, chọn ngày hẹn mới là ngày làm việc (Mẫu 04, nhắn tin cho công dân); bước xong khi phiếu được ký.',
  },
];

export const SPECIALIST_FIELD_PREFIX = 'specialist:';

/** `reception, specialist:land` → `['reception', 'specialist:land']`. */
export function splitGroups(value: string | undefined | null): string[] {
  return (value ?? '')
    .split(',')
    .map((group) => group.trim())
    .filter((group) => group !== '');
}

/**
 * How a dossier ends at an end event (`mc:outcome`, ADR 0011): the closed statuses. The engine's
 * list (libs/engine `END_OUTCOMES`) is the same; its validator refuses anything else.
 */
export const OUTCOME_OPTIONS: { value: string; label: string; description: string }[] = [
  {
    value: 'rejected',
    label: 'Từ chối giải quyết',
    description:
      'Đóng hồ sơ như nút "Từ chối giải quyết" của Bộ phận Một cửa: in Phiếu từ chối (Mẫu 03), gửi SMS kèm lý do, tính là đã giải quyết.',
  },
  { value: 'returned', label: 'Đã trả kết quả', description: 'Đóng hồ sơ là đã trả kết quả cho công dân.' },
  {
    value: 'withdrawn',
    label: 'Đã rút hồ sơ',
    description: 'Đóng hồ sơ là công dân đã rút hồ sơ: không tính là đã giải quyết.',
  },
];

/** Name of the citizen-facing reason field the shipped procedures use (`mc:reason`). */
export const REASON_VARIABLE = 'rejectionReason';

/**
 * The fields of the completion forms (`mc:form`) of the process's user tasks, as reason choices:
 * a form field's key is the variable it fills.
 */
export function formFieldChoices(process: ModdleElement | undefined): { value: string; label: string }[] {
  const choices = new Map<string, string>();
  const walk = (container: ModdleElement) => {
    for (const element of (container.flowElements ?? []) as ModdleElement[]) {
      if (element.flowElements) walk(element);
      if (element.$type !== 'bpmn:UserTask') continue;
      const fields = fieldsOf(element.get('mc:form'));
      for (const field of fields)
        if (!choices.has(field.key)) choices.set(field.key, `${field.label} — bước "${element.name ?? ''}"`);
    }
  };
  if (process) walk(process);
  return [...choices].map(([value, label]) => ({ value, label }));
}

function fieldsOf(form: unknown): { key: string; label: string }[] {
  if (typeof form !== 'string' || !form.trim()) return [];
  try {
    const parsed = JSON.parse(form) as { fields?: { key?: unknown; label?: unknown }[] };
    return (Array.isArray(parsed.fields) ? parsed.fields : [])
      .filter(
        (f): f is { key: string; label?: unknown } =>
          typeof f?.key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(f.key),
      )
      .map((f) => ({ key: f.key, label: typeof f.label === 'string' && f.label.trim() ? f.label.trim() : f.key }));
  } catch {
    return [];
  }
}
