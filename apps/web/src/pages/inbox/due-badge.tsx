import { Tag } from 'antd';
import { dueState, formatDateTime, type DueState } from './due-state';

const badges: Record<Exclude<DueState, 'none'>, { color: string; label: string }> = {
  on_time: { color: 'green', label: 'Trong hạn' },
  due_soon: { color: 'orange', label: 'Sắp đến hạn' },
  overdue: { color: 'red', label: 'Quá hạn' },
};

/** Hạn xử lý: the due time and a badge Trong hạn / Sắp đến hạn / Quá hạn. */
export function DueBadge({ dueAt, now, overdue }: { dueAt: string | null; now: Date; overdue?: boolean }) {
  const state = dueState(dueAt, now, overdue);
  if (state === 'none') return <span style={{ color: 'rgba(0,0,0,0.45)' }}>Không quy định</span>;
  const badge = badges[state];
  // The day on one line, the hour and the badge on the next: narrow enough beside the fixed Thao tác column.
  const [day, time] = formatDateTime(dueAt).split(' ');
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      <div>{day}</div>
      <div style={{ marginTop: 2 }}>
        {time}{' '}
        <Tag color={badge.color} data-testid={`due-${state}`}>
          {badge.label}
        </Tag>
      </div>
    </div>
  );
}
