import { h } from '@bpmn-io/properties-panel/preact';
import {
  CheckboxGroup,
  NumberFieldEntry,
  SelectEntry,
  TextAreaEntry,
  TextFieldEntry,
  isNumberFieldEntryEdited,
  isSelectEntryEdited,
  isTextAreaEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { formError } from '../mc-form';
import {
  DESK_ACTION_OPTIONS,
  ROLE_OPTIONS,
  SPECIALIST_FIELD_PREFIX,
  STATUS_OPTIONS,
  splitGroups,
} from '../mc-vocabulary';
import type { DiagramElement, ModdleElement } from '../moddle.types';
import { formatStepDuration, toEditable, type DurationUnit } from '../time-budget/step-duration';
import { useMcAttribute, type EntryProps } from './entry-helpers';
import type { McLookups } from './mc-lookups';
import { unitSelectOptions } from './unit-options';

const FORM_EXAMPLE =
  '{"outcomes":[{"key":"approved","label":"Đồng ý"},{"key":"rejected","label":"Không đồng ý","requires":["opinion"]}],"opinion":{"label":"Ý kiến xử lý"},"attachments":"optional"}';

/** Groups of a user task: who does it, how long it may take and what the citizen sees, how it is completed. */
export function userTaskGroups(element: DiagramElement) {
  return [
    {
      id: 'mc-assignment',
      label: 'Phân công xử lý',
      shouldOpen: true,
      entries: [
        { id: 'mc-unit', component: UnitEntry, isEdited: isSelectEntryEdited },
        { id: 'mc-roles', component: RolesEntry, isEdited: () => rolesOf(element.businessObject).length > 0 },
        { id: 'mc-fields', component: SpecialistFieldsEntry, isEdited: isTextFieldEntryEdited },
      ],
    },
    {
      id: 'mc-deadline',
      label: 'Thời hạn và trạng thái',
      shouldOpen: true,
      entries: [
        { id: 'mc-duration-amount', component: DurationAmountEntry, isEdited: isNumberFieldEntryEdited },
        { id: 'mc-duration-unit', component: DurationUnitEntry, isEdited: isSelectEntryEdited },
        { id: 'mc-status', component: StatusEntry, isEdited: isSelectEntryEdited },
      ],
    },
    {
      id: 'mc-desk-action',
      label: 'Thao tác một cửa',
      shouldOpen: !!element.businessObject.get('mc:action'),
      entries: [{ id: 'mc-action', component: DeskActionEntry, isEdited: isSelectEntryEdited }],
    },
    {
      id: 'mc-completion',
      label: 'Biểu mẫu hoàn thành',
      entries: [{ id: 'mc-form', component: FormEntry, isEdited: isTextAreaEntryEdited }],
    },
  ];
}

function UnitEntry({ element, id }: EntryProps) {
  const lookups = useService<McLookups>('mcLookups');
  const unit = useMcAttribute(element, 'unit');
  const current = (unit.get() as string | undefined) ?? '';
  return h(SelectEntry, {
    element,
    id,
    label: 'Đơn vị thực hiện',
    getValue: () => current,
    setValue: (value: string) => unit.set(value),
    getOptions: () => unitSelectOptions(lookups.units, current),
    description: 'Đơn vị tiếp nhận, đơn vị cấp trên của đơn vị đó, cấp tỉnh, hoặc một đơn vị cụ thể.',
  });
}

const groupsOf = (bo: ModdleElement) => splitGroups(bo.get('mc:candidateGroups'));
const rolesOf = (bo: ModdleElement) =>
  groupsOf(bo).filter((group) => ROLE_OPTIONS.some((role) => role.value === group));
const fieldsOf = (bo: ModdleElement) =>
  groupsOf(bo)
    .filter((group) => group.startsWith(SPECIALIST_FIELD_PREFIX))
    .map((group) => group.slice(SPECIALIST_FIELD_PREFIX.length));
const othersOf = (bo: ModdleElement) =>
  groupsOf(bo).filter(
    (group) => !group.startsWith(SPECIALIST_FIELD_PREFIX) && !ROLE_OPTIONS.some((role) => role.value === group),
  );

/** Roles in the order of the list, then specialists of fields, then groups we do not know (kept as drawn). */
function writeGroups(set: (value: string) => void, roles: string[], fields: string[], others: string[]) {
  const ordered = ROLE_OPTIONS.map((role) => role.value).filter((role) => roles.includes(role));
  set([...ordered, ...fields.map((field) => `${SPECIALIST_FIELD_PREFIX}${field}`), ...others].join(','));
}

function RolesEntry({ element, id }: EntryProps) {
  const groups = useMcAttribute(element, 'candidateGroups');
  const bo = element.businessObject;
  const value = groupsOf(bo);
  return h(CheckboxGroup, {
    element,
    id,
    label: 'Vai trò xử lý',
    options: ROLE_OPTIONS,
    getValue: () => rolesOf(bo),
    setValue: (roles: string[]) => writeGroups((v) => groups.set(v), roles, fieldsOf(bo), othersOf(bo)),
    description: value.length
      ? `Nhóm xử lý: ${value.join(', ')}`
      : 'Chưa chọn: không ai thấy bước này trong hộp công việc.',
  });
}

function SpecialistFieldsEntry({ element, id }: EntryProps) {
  const debounce = useService<(fn: unknown) => unknown>('debounceInput');
  const groups = useMcAttribute(element, 'candidateGroups');
  const bo = element.businessObject;
  return h(TextFieldEntry, {
    element,
    id,
    label: 'Chuyên viên theo lĩnh vực',
    debounce,
    getValue: () => fieldsOf(bo).join(', '),
    setValue: (text: string) =>
      writeGroups(
        (v) => groups.set(v),
        rolesOf(bo),
        splitGroups(text).map((field) => field.replace(/\s+/g, '_')),
        othersOf(bo),
      ),
    description:
      'Mã lĩnh vực, cách nhau bởi dấu phẩy (ví dụ: land, business): chỉ chuyên viên của lĩnh vực đó nhận việc.',
  });
}

// The unit chosen before an amount is typed; the attribute itself only exists once both are known.
const pendingUnit = new WeakMap<ModdleElement, DurationUnit>();

function unitOf(bo: ModdleElement): DurationUnit {
  return toEditable(bo.get('mc:duration'))?.unit ?? pendingUnit.get(bo) ?? 'd';
}

function DurationAmountEntry({ element, id }: EntryProps) {
  const debounce = useService<(fn: unknown) => unknown>('debounceInput');
  const duration = useMcAttribute(element, 'duration');
  const bo = element.businessObject;
  const raw = bo.get('mc:duration') as string | undefined;
  const editable = toEditable(raw);
  return h(NumberFieldEntry, {
    element,
    id,
    label: 'Thời hạn xử lý',
    debounce,
    min: 0,
    step: 'any',
    getValue: () => editable?.amount,
    // A 0 would be dropped without a word (issue 19 item 6): say so, and keep what was there.
    validate: (value: unknown) =>
      value !== undefined && value !== null && value !== '' && Number(value) <= 0
        ? 'Thời hạn xử lý phải lớn hơn 0 (bỏ trống nếu bước không có thời hạn).'
        : undefined,
    setValue: (amount: number | undefined) => duration.set(formatStepDuration(amount, unitOf(bo))),
    description:
      raw && !editable
        ? `Giá trị hiện tại "${raw}" không hợp lệ: nhập lại số ngày hoặc giờ.`
        : 'Tính theo ngày hoặc giờ làm việc (1 ngày = 8 giờ).',
  });
}

function DurationUnitEntry({ element, id }: EntryProps) {
  const duration = useMcAttribute(element, 'duration');
  const bo = element.businessObject;
  return h(SelectEntry, {
    element,
    id,
    label: 'Đơn vị thời hạn',
    getValue: () => unitOf(bo),
    setValue: (unit: DurationUnit) => {
      pendingUnit.set(bo, unit);
      const editable = toEditable(bo.get('mc:duration'));
      if (editable) duration.set(formatStepDuration(editable.amount, unit));
    },
    getOptions: () => [
      { value: 'd', label: 'Ngày làm việc' },
      { value: 'h', label: 'Giờ làm việc' },
    ],
  });
}

function StatusEntry({ element, id }: EntryProps) {
  const status = useMcAttribute(element, 'status');
  const current = (status.get() as string | undefined) ?? '';
  const known = STATUS_OPTIONS.some((option) => option.value === current);
  return h(SelectEntry, {
    element,
    id,
    label: 'Trạng thái hiển thị cho công dân',
    getValue: () => current,
    setValue: (value: string) => status.set(value),
    getOptions: () => [
      { value: '', label: '— Không đổi trạng thái —' },
      ...STATUS_OPTIONS,
      ...(current && !known ? [{ value: current, label: `${current} (không hợp lệ)` }] : []),
    ],
    description: 'Trạng thái công dân thấy khi tra cứu trong lúc hồ sơ chờ ở bước này.',
  });
}

/** `mc:action`: the step is one of the desk's actions, done on the dossier page and never from the inbox (ADR 0012). */
function DeskActionEntry({ element, id }: EntryProps) {
  const action = useMcAttribute(element, 'action');
  const current = (action.get() as string | undefined) ?? '';
  const known = DESK_ACTION_OPTIONS.find((option) => option.value === current);
  return h(SelectEntry, {
    element,
    id,
    label: 'Bước này là thao tác',
    getValue: () => current,
    setValue: (value: string) => action.set(value),
    getOptions: () => [
      { value: '', label: '— Không: hoàn thành trong hộp công việc —' },
      ...DESK_ACTION_OPTIONS.map(({ value, label }) => ({ value, label })),
      ...(current && !known ? [{ value: current, label: `${current} (không hợp lệ)` }] : []),
    ],
    description: known
      ? `${known.hint} Hộp công việc không hoàn thành được bước này.`
      : 'Chọn khi bước là việc của Bộ phận một cửa hoặc lãnh đạo có biểu mẫu riêng: hệ thống in mẫu, tính thời gian và nhắn tin như nút trên trang hồ sơ.',
  });
}

function FormEntry({ element, id }: EntryProps) {
  const debounce = useService<(fn: unknown) => unknown>('debounceInput');
  const form = useMcAttribute(element, 'form');
  return h(TextAreaEntry, {
    element,
    id,
    label: 'Kết quả và trường nhập (JSON)',
    debounce,
    rows: 5,
    monospace: true,
    getValue: () => (form.get() as string | undefined) ?? '',
    setValue: (text: string, error?: string | null) => {
      if (!error) form.set(text.trim());
    },
    validate: formError,
    description: `Ví dụ: ${FORM_EXAMPLE}`,
  });
}
