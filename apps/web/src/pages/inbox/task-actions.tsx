import { Button, Space, Tooltip } from 'antd';
import type { Task } from '../../api/api.types';

interface Props {
  task: Task;
  me: string;
  busy: boolean;
  onClaim(task: Task): void;
  onUnclaim(task: Task): void;
  onComplete(task: Task): void;
}

/** Nhận việc / Trả lại / Hoàn thành, depending on who holds the task. */
export function TaskActions({ task, me, busy, onClaim, onUnclaim, onComplete }: Props) {
  if (task.status !== 'open') return null;
  const mine = task.assignee === me;

  return (
    <Space size="small" wrap>
      {task.assignee === null && (
        <Button type="primary" size="small" loading={busy} onClick={() => onClaim(task)} data-testid={`claim-${task.id}`}>
          Nhận việc
        </Button>
      )}
      {mine && (
        <Button size="small" disabled={busy} onClick={() => onUnclaim(task)} data-testid={`unclaim-${task.id}`}>
          Trả lại
        </Button>
      )}
      <Tooltip title={mine ? undefined : 'Cần nhận việc trước khi hoàn thành'}>
        <Button
          type={mine ? 'primary' : 'default'}
          size="small"
          disabled={!mine || busy}
          onClick={() => onComplete(task)}
          data-testid={`complete-${task.id}`}
        >
          Hoàn thành
        </Button>
      </Tooltip>
    </Space>
  );
}
