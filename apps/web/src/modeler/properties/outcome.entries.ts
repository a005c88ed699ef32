import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { OUTCOME_OPTIONS, formFieldChoices } from '../mc-vocabulary';
import type { DiagramElement, ModdleElement } from '../moddle.types';
import { useMcAttribute, type EntryProps } from './entry-helpers';

/** The value of the reason select that opens the free FEEL expression. */
const EXPRESSION = '__expression__';

/** True for the end events that can close a dossier (none or terminate); the lint names the others. */
export function isEndEvent(element: DiagramElement): boolean {
  return element.businessObject.$instanceOf('bpmn:EndEvent');
}

/**
 * "Kết thúc hồ sơ" on end events (`mc:outcome`, `mc:reason`; ADR 0011): how the dossier ends when
 * the process reaches it, and where the citizen-facing reason comes from.
 */
export function outcomeGroup() {
  return {
    id: 'mc-outcome',
    label: 'Kết thúc hồ sơ',
    shouldOpen: true,
    entries: [
      { id: 'mc-outcome', component: OutcomeEntry, isEdited: isSelectEntryEdited },
      { id: 'mc-reason', component: ReasonEntry, isEdited: isSelectEntryEdited },
      { id: 'mc-reason-expression', component: ReasonExpressionEntry, isEdited: isTextFieldEntryEdited },
    ],
  };
}

function OutcomeEntry({ element, id }: EntryProps) {
  const outcome = useMcAttribute(element, 'outcome');
  const current = (outcome.get() as string | undefined) ?? '';
  const known = OUTCOME_OPTIONS.find((option) => option.value === current);
  return h(SelectEntry, {
    element,
    id,
    label: 'Kết quả của hồ sơ khi đến đây',
    getValue: () => current,
    setValue: (value: string) => outcome.set(value),
    getOptions: () => [
      { value: '', label: '— Không đóng hồ sơ (theo bước trước) —' },
      ...OUTCOME_OPTIONS.map(({ value, label }) => ({ value, label })),
      ...(current && !known ? [{ value: current, label: `${current} (không hợp lệ)` }] : []),
    ],
    description:
      known?.description ??
      'Chọn "Từ chối giải quyết" cho nhánh không đồng ý: hồ sơ được đóng như khi Bộ phận Một cửa bấm "Từ chối giải quyết".',
  });
}

const processOfElement = (bo: ModdleElement): ModdleElement | undefined => {
  for (let parent = bo.$parent; parent; parent = parent.$parent) if (parent.$instanceOf('bpmn:Process')) return parent;
  return undefined;
};

function ReasonEntry({ element, id }: EntryProps) {
  useService('eventBus'); // re-rendered by the panel on every change of the diagram
  const outcome = (element.businessObject.get('mc:outcome') as string | undefined) ?? '';
  const reason = useMcAttribute(element, 'reason');
  if (!outcome) return null;
  const current = ((reason.get() as string | undefined) ?? '').trim();
  const choices = formFieldChoices(processOfElement(element.businessObject));
  const listed = choices.some((choice) => choice.value === current);
  return h(SelectEntry, {
    element,
    id,
    label: outcome === 'rejected' ? 'Lý do từ chối gửi công dân (bắt buộc)' : 'Lý do (không bắt buộc)',
    getValue: () => (current && !listed ? EXPRESSION : current),
    // "Biểu thức khác" starts from the chosen field as FEEL (=field), which the expression box then edits.
    setValue: (value: string) =>
      reason.set(value === EXPRESSION ? (current ? `=${current.replace(/^=/, '')}` : '=""') : value),
    getOptions: () => [
      { value: '', label: '— Chưa chọn —' },
      ...choices.map((choice) => ({ value: choice.value, label: `${choice.label} [${choice.value}]` })),
      { value: EXPRESSION, label: 'Biểu thức FEEL khác…' },
    ],
    description:
      outcome === 'rejected'
        ? 'Ô nhập của bước quyết định (ví dụ rejectionReason của lãnh đạo). Lý do được in trên Phiếu từ chối (Mẫu 03), gửi SMS và hiện khi tra cứu; ý kiến nội bộ không dùng ở đây.'
        : 'Ô nhập chứa lý do, nếu có.',
  });
}

function ReasonExpressionEntry({ element, id }: EntryProps) {
  const debounce = useService<(fn: unknown) => unknown>('debounceInput');
  const outcome = (element.businessObject.get('mc:outcome') as string | undefined) ?? '';
  const reason = useMcAttribute(element, 'reason');
  const current = ((reason.get() as string | undefined) ?? '').trim();
  const choices = formFieldChoices(processOfElement(element.businessObject));
  if (!outcome || !current || choices.some((choice) => choice.value === current)) return null;
  return h(TextFieldEntry, {
    element,
    id,
    label: 'Biểu thức lý do (FEEL)',
    debounce,
    getValue: () => current,
    setValue: (value: string) => reason.set(value.trim()),
    description: 'Ví dụ: rejectionReason, hoặc ="Hồ sơ không thuộc thẩm quyền".',
  });
}
