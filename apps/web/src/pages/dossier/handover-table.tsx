import { Table, Tag, Typography } from 'antd';
import type { HandoverParty, HandoverRow } from '../../api/dossiers.api';
import { formatDateTime } from '../inbox/due-state';
import { RESULT_LABELS } from './dossier-labels';

/** The officer (full name, username as a tooltip) over the unit's name; "—" where nobody took a step that ended. */
function party(p: HandoverParty, ended: boolean) {
  const who = p.user ? (
    <span title={p.user}>{p.fullName ?? p.user}</span>
  ) : (
    <Typography.Text type="secondary">{ended ? '—' : 'Chưa nhận'}</Typography.Text>
  );
  return (
    <div>
      <div>{who}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} title={p.unitCode}>
        {p.unitName ?? p.unitCode}
      </Typography.Text>
    </div>
  );
}

/** Quá trình giải quyết: the control slip (Form 05), one row per handover, oldest first; `closed` once the dossier left the process. */
export function HandoverTable({ rows, now, closed }: { rows: HandoverRow[]; now: Date; closed: boolean }) {
  return (
    <Table<HandoverRow>
      rowKey={(row) => `${row.at}-${row.step}`}
      size="small"
      pagination={false}
      // Fits a desktop card; scrolls sideways on a phone.
      scroll={{ x: 980 }}
      dataSource={rows}
      locale={{ emptyText: 'Chưa có bước xử lý' }}
      onRow={() => ({ 'data-testid': 'handover-row' }) as object}
      columns={[
        { title: 'STT', width: 52, render: (_, __, i) => i + 1 },
        { title: 'Bước xử lý', dataIndex: 'step', width: 220 },
        { title: 'Bên giao', render: (_, row) => party(row.from, true) },
        { title: 'Bên nhận', render: (_, row) => party(row.to, row.completedAt !== null || closed) },
        { title: 'Giao lúc', width: 110, render: (_, row) => formatDateTime(row.at) },
        { title: 'Hạn xử lý', width: 110, render: (_, row) => (row.due ? formatDateTime(row.due) : 'Không quy định') },
        {
          title: 'Hoàn thành',
          width: 110,
          render: (_, row) => (row.completedAt ? formatDateTime(row.completedAt) : '—'),
        },
        {
          title: 'Kết quả',
          width: 120,
          render: (_, row) => {
            if (row.result) return <Tag color={RESULT_LABELS[row.result].color}>{RESULT_LABELS[row.result].label}</Tag>;
            // A step cancelled by a desk action (return, refusal, withdrawal) has no result of its own.
            if (row.completedAt || closed) return <Tag>Đã kết thúc</Tag>;
            const late = row.due !== null && new Date(row.due).getTime() < now.getTime();
            return <Tag color={late ? 'red' : 'processing'}>{late ? 'Đang xử lý, quá hạn' : 'Đang xử lý'}</Tag>;
          },
        },
      ]}
    />
  );
}
