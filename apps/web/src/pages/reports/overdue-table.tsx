import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { OverdueItem } from './reports.api';
import { vietnamWallClock } from '../../../../../libs/calendar/src/vietnam-time.js';

const vnTime = (iso: string) => {
  const clock = vietnamWallClock(iso);
  return `${clock.date} ${clock.time}`;
};

/** Steps and dossiers overdue now, most late first; the code opens the dossier's page. */
export function OverdueTable({ items, loading }: { items: OverdueItem[]; loading: boolean }) {
  const columns: ColumnsType<OverdueItem> = [
    {
      title: 'Loại',
      dataIndex: 'kind',
      width: 90,
      render: (kind: string) => (kind === 'step' ? <Tag color="orange">Bước</Tag> : <Tag color="red">Hồ sơ</Tag>),
    },
    {
      title: 'Mã hồ sơ',
      dataIndex: 'dossierCode',
      render: (code: string | null) => (code ? <Link to={`/ho-so/${encodeURIComponent(code)}`}>{code}</Link> : '—'),
    },
    {
      title: 'Thủ tục',
      dataIndex: 'procedureName',
      ellipsis: true,
      sorter: (a, b) => (a.procedureName ?? '').localeCompare(b.procedureName ?? ''),
    },
    {
      title: 'Đơn vị',
      key: 'unit',
      ellipsis: true,
      render: (_v, item) => item.unitName ?? item.unitCode,
      sorter: (a, b) => a.unitCode.localeCompare(b.unitCode),
    },
    { title: 'Bước', dataIndex: 'step', ellipsis: true },
    {
      title: 'Người xử lý',
      key: 'holder',
      render: (_v, item) => item.assignee ?? (item.candidateGroups.length ? <i>chưa nhận</i> : '—'),
      sorter: (a, b) => (a.assignee ?? '').localeCompare(b.assignee ?? ''),
    },
    { title: 'Hạn', dataIndex: 'dueAt', width: 140, render: vnTime, sorter: (a, b) => a.dueAt.localeCompare(b.dueAt) },
    {
      title: 'Trễ',
      key: 'late',
      width: 130,
      render: (_v, item) => `${item.lateDays} ngày ${item.lateHours} giờ`,
      sorter: (a, b) => a.lateWorkingMs - b.lateWorkingMs,
      defaultSortOrder: 'descend',
    },
  ];
  return (
    <Table<OverdueItem>
      data-testid="overdue-table"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={items}
      rowKey={(item) => `${item.kind}:${item.taskId ?? item.dossierCode}`}
      pagination={{ pageSize: 10 }}
    />
  );
}
