import { Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { CurrentUser, Task } from '../../api/api.types';
import { roleLabel } from '../../auth/roles';
import { DueBadge } from './due-badge';
import { formatDateTime } from './due-state';

/** Inbox columns; the Thao tác column is appended by the page, which owns the actions. */
export function taskColumns(user: CurrentUser, now: Date): TableColumnsType<Task> {
  return [
    {
      title: 'Mã hồ sơ',
      dataIndex: 'businessKey',
      render: (code: string | null) =>
        code ? (
          <Typography.Text copyable={{ text: code, tooltips: ['Sao chép', 'Đã sao chép'] }}>
            <Link to={`/ho-so/${encodeURIComponent(code)}`} data-testid={`dossier-link-${code}`}>
              {code}
            </Link>
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: 'Thủ tục',
      dataIndex: 'procedureName',
      responsive: ['xl'],
      width: 220,
      render: (name: string | null | undefined) => (
        <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>{name ?? '—'}</div>
      ),
    },
    {
      title: 'Người nộp',
      dataIndex: 'applicantName',
      width: 170,
      render: (name: string | null | undefined) => name ?? '—',
    },
    { title: 'Bước xử lý', dataIndex: 'name', width: 200 },
    {
      title: 'Đơn vị',
      dataIndex: 'unitCode',
      responsive: ['xxl'],
      width: 180,
      render: (unitCode: string) =>
        unitCode === user.unitCode ? <Tooltip title={unitCode}>{user.unitName}</Tooltip> : unitCode,
    },
    {
      title: 'Nhóm',
      dataIndex: 'candidateGroups',
      responsive: ['lg'],
      width: 130,
      render: (groups: string[]) =>
        groups.map((group) => (
          <Tag key={group} title={group}>
            {roleLabel(group)}
          </Tag>
        )),
    },
    {
      title: 'Người xử lý',
      dataIndex: 'assignee',
      render: (assignee: string | null) => {
        if (assignee === null) return <Typography.Text type="secondary">Chưa nhận</Typography.Text>;
        if (assignee === user.username) return <Tag color="blue">Bạn ({assignee})</Tag>;
        return assignee;
      },
    },
    {
      title: 'Hạn xử lý',
      dataIndex: 'dueAt',
      // With the columns above, the table fits a 1280-pixel screen without sliding under Thao tác.
      width: 130,
      render: (dueAt: string | null, task: Task) => <DueBadge dueAt={dueAt} now={now} overdue={task.overdue} />,
    },
    {
      title: 'Hẹn trả',
      dataIndex: 'appointmentAt',
      responsive: ['lg'],
      width: 130,
      render: (at: string | null | undefined) => (at ? formatDateTime(at) : '—'),
    },
  ];
}
