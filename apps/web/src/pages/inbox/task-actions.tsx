import { Button, Space, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
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
        <Button
          type="primary"
          size="small"
          loading={busy}
          onClick={() => onClaim(task)}
          data-testid={`claim-${task.id}`}
        >
          Nhận việc
        </Button>
      )}
      {mine && (
        <Button size="small" disabled={busy} onClick={() => onUnclaim(task)} data-testid={`unclaim-${task.id}`}>
          Trả lại
        </Button>
      )}
      {task.deskAction && task.businessKey ? (
        <DeskActionLink task={task} />
      ) : (
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
      )}
    </Space>
  );
}

const DESK_ACTION_BUTTONS: Record<string, { label: string; hint: string }> = {
  supplement: {
    label: 'Yêu cầu / nhận bổ sung',
    hint: 'Bước này hoàn thành trên trang hồ sơ: gửi phiếu yêu cầu bổ sung (Mẫu 02), rồi ghi nhận khi công dân nộp đủ.',
  },
  apology: {
    label: 'Xin lỗi, hẹn lại',
    hint: 'Bước này hoàn thành trên trang hồ sơ: ký phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).',
  },
};

/** A step drawn as a desk action (`mc:action`) is done on the dossier page, whose dialog opens at once. */
function DeskActionLink({ task }: { task: Task }) {
  const button = DESK_ACTION_BUTTONS[task.deskAction ?? ''] ?? {
    label: 'Thao tác một cửa',
    hint: 'Bước này hoàn thành trên trang hồ sơ.',
  };
  return (
    <Tooltip title={button.hint}>
      <Link
        to={`/ho-so/${encodeURIComponent(task.businessKey ?? '')}?thao-tac=${encodeURIComponent(task.deskAction ?? '')}`}
        data-testid={`desk-action-${task.id}`}
      >
        <Button type="primary" size="small">
          {button.label}
        </Button>
      </Link>
    </Tooltip>
  );
}
