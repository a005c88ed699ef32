import { Tag, Tooltip } from 'antd';
import { describeWorkingHours } from '../../modeler/time-budget/step-duration';
import type { TimeBudget } from './use-time-budget';

/** "Tổng thời hạn: 2 ngày 4 giờ / quy định 3 ngày", green within the legal time, red beyond it. */
export function TimeBudgetTag({ budget }: { budget: TimeBudget }) {
  const legal = budget.procedure?.state === 'found' ? budget.procedure.legalHours : undefined;
  const total = describeWorkingHours(budget.hours);
  const color = legal === undefined ? 'default' : budget.hours > legal ? 'error' : 'success';
  const legalText = budget.procedure?.sameDay ? 'trong ngày' : legal === undefined ? '' : describeWorkingHours(legal);
  const text =
    legal === undefined
      ? `Tổng thời hạn các bước: ${total}`
      : `Tổng thời hạn các bước: ${total} / quy định ${legalText}`;
  const path = budget.steps.length ? `Đường dài nhất: ${budget.steps.join(' → ')}` : 'Chưa bước nào có thời hạn.';
  const sameDay = budget.procedure?.sameDay ? ' Thủ tục giải quyết trong ngày: so với 1 ngày làm việc (8 giờ).' : '';
  const note =
    legal === undefined
      ? budget.procedureCode
        ? ' Chưa biết thời hạn giải quyết của thủ tục.'
        : ' Chọn thủ tục trên quy trình để so với thời hạn quy định.'
      : sameDay;
  return (
    <Tooltip title={`${path}.${note}`}>
      <Tag
        color={color}
        data-testid="time-budget"
        data-hours={budget.hours}
        data-legal-hours={legal ?? ''}
        style={{ marginInlineEnd: 0 }}
      >
        {text}
      </Tag>
    </Tooltip>
  );
}
