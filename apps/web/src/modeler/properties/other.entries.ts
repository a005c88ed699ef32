import { h } from '@bpmn-io/properties-panel/preact';
import {
  CheckboxEntry,
  NumberFieldEntry,
  SelectEntry,
  TextFieldEntry,
  isCheckboxEntryEdited,
  isNumberFieldEntryEdited,
  isSelectEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { DiagramElement, ModdleElement } from '../moddle.types';
import { describeLegalTime } from '../time-budget/legal-time';
import { describeWorkingHours } from '../time-budget/step-duration';
import { processOf, useMcAttribute, type EntryProps } from './entry-helpers';
import type { McLookups, ProcedureOption } from './mc-lookups';
import type { SelectOption } from './unit-options';

/** The process: which catalog procedure it implements. */
export function processGroup() {
  return {
    id: 'mc-procedure',
    label: 'Thủ tục hành chính',
    shouldOpen: true,
    entries: [{ id: 'mc-procedureCode', component: ProcedureCodeEntry, isEdited: isSelectEntryEdited }],
  };
}

/**
 * A select of the catalog (`GET /api/procedures`, "code — name"): the panel has no searchable
 * select, and a native `<select>` still jumps to an option as its code is typed.
 */
function ProcedureCodeEntry({ element, id }: EntryProps) {
  const lookups = useService<McLookups>('mcLookups');
  const process = processOf(element)!;
  const code = useMcAttribute(element, 'procedureCode', element.businessObject === process ? undefined : process);
  const current = ((code.get() as string | undefined) ?? '').trim();
  return h(SelectEntry, {
    element,
    id,
    label: 'Thủ tục (danh mục thủ tục hành chính)',
    getValue: () => current,
    setValue: (value: string) => code.set(value),
    getOptions: () => procedureSelectOptions(lookups.procedures, current),
    description: describeProcedure(lookups, current),
  });
}

/** Blank first, then the catalog; a code drawn in the diagram but missing from the catalog stays visible, marked. */
export function procedureSelectOptions(procedures: ProcedureOption[], current: string): SelectOption[] {
  const options: SelectOption[] = [{ value: '', label: '— Chưa chọn thủ tục —' }];
  options.push(
    ...procedures.map((procedure) => ({ value: procedure.code, label: `${procedure.code} — ${procedure.name}` })),
  );
  if (current && !procedures.some((procedure) => procedure.code === current))
    options.push({ value: current, label: `${current} (không có trong danh mục)` });
  return options;
}

/** "Thời hạn giải quyết: 15 ngày làm việc" from the catalog list, else from the looked-up entry. */
function describeProcedure(lookups: McLookups, code: string): string {
  if (!code) return 'Chọn thủ tục để so tổng thời hạn các bước với thời hạn giải quyết theo quy định.';
  const listed = lookups.procedures.find((procedure) => procedure.code === code);
  if (listed) return legalTimeSentence(describeLegalTime(listed.legalTime), listed.legalTime?.sameDay === true);
  const procedure = lookups.procedure;
  if (!procedure || procedure.code !== code || procedure.state === 'loading') return 'Đang tra cứu danh mục…';
  if (procedure.state === 'not_found') return 'Không có thủ tục này trong danh mục.';
  if (procedure.state === 'unavailable') return 'Chưa tra cứu được danh mục thủ tục.';
  const legal = procedure.sameDay
    ? 'trong ngày'
    : procedure.legalHours === undefined
      ? undefined
      : describeWorkingHours(procedure.legalHours);
  return legalTimeSentence(legal, procedure.sameDay === true);
}

function legalTimeSentence(legal: string | undefined, sameDay: boolean): string {
  if (!legal) return 'Danh mục chưa có thời hạn giải quyết của thủ tục này.';
  return sameDay
    ? `Thời hạn giải quyết: ${legal} (các bước phải xong trong 1 ngày làm việc).`
    : `Thời hạn giải quyết: ${legal}.`;
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
      value === undefined || value === '' || (Number.isInteger(Number(value)) && Number(value) >= 1)
        ? null
        : 'Nhập một số nguyên từ 1 trở lên',
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
