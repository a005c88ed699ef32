import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, NumberFieldEntry, TextFieldEntry, isCheckboxEntryEdited, isNumberFieldEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { DiagramElement, ModdleElement } from '../moddle.types';
import { describeWorkingHours } from '../time-budget/step-duration';
import { processOf, useMcAttribute, type EntryProps } from './entry-helpers';
import type { McLookups } from './mc-lookups';

/** The process: which catalog procedure it implements. */
export function processGroup() {
  return {
    id: 'mc-procedure',
    label: 'Thủ tục hành chính',
    shouldOpen: true,
    entries: [{ id: 'mc-procedureCode', component: ProcedureCodeEntry, isEdited: isTextFieldEntryEdited }],
  };
}

function ProcedureCodeEntry({ element, id }: EntryProps) {
  const debounce = useService<(fn: unknown) => unknown>('debounceInput');
  const lookups = useService<McLookups>('mcLookups');
  const process = processOf(element)!;
  const code = useMcAttribute(element, 'procedureCode', element.businessObject === process ? undefined : process);
  return h(TextFieldEntry, {
    element,
    id,
    label: 'Mã thủ tục',
    debounce,
    getValue: () => (code.get() as string | undefined) ?? '',
    setValue: (value: string) => code.set(value.trim()),
    description: describeProcedure(lookups, (code.get() as string | undefined) ?? ''),
  });
}

function describeProcedure(lookups: McLookups, code: string): string {
  const procedure = lookups.procedure;
  if (!code) return 'Mã thủ tục trong danh mục thủ tục hành chính (ví dụ: 1.001612).';
  if (!procedure || procedure.code !== code || procedure.state === 'loading') return 'Đang tra cứu danh mục…';
  if (procedure.state === 'not_found') return 'Không có thủ tục này trong danh mục.';
  if (procedure.state === 'unavailable') return 'Chưa tra cứu được danh mục thủ tục.';
  const legal = procedure.legalHours === undefined ? 'chưa có thời hạn giải quyết' : `thời hạn giải quyết ${describeWorkingHours(procedure.legalHours)}`;
  return `${procedure.name ?? code}: ${legal}.`;
}

/** Service and send tasks: the worker topic and how often the job is tried. */
export function jobGroup() {
  return {
    id: 'mc-job',
    label: 'Xử lý tự động',
    shouldOpen: true,
    entries: [
      { id: 'mc-topic', component: TopicEntry, isEdited: isTextFieldEntryEdited },
      { id: 'mc-retries', component: RetriesEntry, isEdited: isNumberFieldEntryEdited },
    ],
  };
}

function TopicEntry({ element, id }: EntryProps) {
  const debounce = useService<(fn: unknown) => unknown>('debounceInput');
  const topic = useMcAttribute(element, 'topic');
  return h(TextFieldEntry, {
    element,
    id,
    label: 'Chủ đề xử lý (topic)',
    debounce,
    getValue: () => (topic.get() as string | undefined) ?? '',
    setValue: (value: string) => topic.set(value.trim()),
    description: 'Tên công việc mà bộ xử lý nền thực hiện (ví dụ: sms.notify).',
  });
}

function RetriesEntry({ element, id }: EntryProps) {
  const debounce = useService<(fn: unknown) => unknown>('debounceInput');
  const retries = useMcAttribute(element, 'retries');
  return h(NumberFieldEntry, {
    element,
    id,
    label: 'Số lần thử',
    debounce,
    min: 1,
    step: 1,
    getValue: () => retries.get() as number | undefined,
    setValue: (value: number | undefined, error?: string | null) => {
      if (!error) retries.set(value);
    },
    validate: (value: unknown) =>
      value === undefined || value === '' || (Number.isInteger(Number(value)) && Number(value) >= 1) ? null : 'Nhập một số nguyên từ 1 trở lên',
  });
}

/** The timer definition of a timer event, if it has one. */
export function timerDefinitionOf(element: DiagramElement): ModdleElement | undefined {
  const definitions = (element.businessObject.eventDefinitions ?? []) as ModdleElement[];
  return definitions.find((definition) => definition.$instanceOf('bpmn:TimerEventDefinition'));
}

/** Added to the timer group: count the duration in working time. */
export function workingTimeEntry() {
  return { id: 'mc-workingTime', component: WorkingTimeEntry, isEdited: isCheckboxEntryEdited };
}

function WorkingTimeEntry({ element, id }: EntryProps) {
  const timer = timerDefinitionOf(element)!;
  const workingTime = useMcAttribute(element, 'workingTime', timer);
  return h(CheckboxEntry, {
    element,
    id,
    label: 'Tính theo thời gian làm việc',
    getValue: () => workingTime.get() === true,
    setValue: (checked: boolean) => workingTime.set(checked ? true : undefined),
    description: 'Bỏ qua ngày nghỉ, ngày lễ và ngoài giờ hành chính.',
  });
}
