import { AutoComplete, Button, DatePicker, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { adminApi, type AuditEntry, type AuditFilter } from './admin.api';
import { AdminOnly } from './admin-only';
import { AUDIT_ACTION_LABELS } from './admin-labels';
import { formatDateTime } from '../inbox/due-state';
import { offsetPagination, usePagedList } from './use-paged-list';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { foldedLabelSearch } from '../../search/folded-search';

const PAGE_SIZE = 50;

const ACTION_OPTIONS = [
  { value: 'auth', label: 'auth — mọi thao tác đăng nhập, mật khẩu' },
  { value: 'admin.user', label: 'admin.user — mọi thay đổi tài khoản' },
  { value: 'admin.unit', label: 'admin.unit — mọi thay đổi đơn vị' },
  { value: 'admin.procedure', label: 'admin.procedure — mọi thay đổi danh mục thủ tục' },
  { value: 'dossier', label: 'dossier — mọi thao tác trên hồ sơ' },
  { value: 'calendar', label: 'calendar — lịch làm việc, ngày nghỉ' },
  ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${value} — ${label}` })),
];

interface Draft {
  actor: string;
  action: string;
  /** A dossier code: searches the subject `dossier:<code>` (reception, desk actions, SMS). */
  dossier: string;
  subject: string;
  range: [Dayjs | null, Dayjs | null] | null;
}

/** Nhật ký hệ thống (admin): who did what to what, when; by user, action (or family), dossier or other subject, and time. */
export function AuditPage() {
  return (
    <AdminOnly>
      <AuditView />
    </AdminOnly>
  );
}

function AuditView() {
  const [draft, setDraft] = useState<Draft>({ actor: '', action: '', dossier: '', subject: '', range: null });
  const [filter, setFilter] = useState<AuditFilter>({ limit: PAGE_SIZE, offset: 0 });
  const { page, loading } = usePagedList(adminApi.audit, filter);

  const search = () =>
    setFilter({
      actor: draft.actor.trim() || undefined,
      action: draft.action.trim() || undefined,
      subject: draft.dossier.trim() ? `dossier:${draft.dossier.trim()}` : draft.subject.trim() || undefined,
      // Whole days in the officer's time: from the start of the first to the end of the last.
      from: draft.range?.[0]?.startOf('day').toISOString(),
      to: draft.range?.[1]?.add(1, 'day').startOf('day').toISOString(),
      limit: PAGE_SIZE,
      offset: 0,
    });

  const columns: ColumnsType<AuditEntry> = [
    { title: 'Thời điểm', dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
    {
      title: 'Người thực hiện',
      dataIndex: 'actor',
      width: 160,
      render: (actor: string | null) => actor ?? <Typography.Text type="secondary">(ẩn danh)</Typography.Text>,
    },
    {
      title: 'Thao tác',
      dataIndex: 'action',
      render: (action: string) => <span title={action}>{AUDIT_ACTION_LABELS[action] ?? action}</span>,
    },
    {
      title: 'Đối tượng',
      dataIndex: 'subject',
      render: (subject: string | null) => subject && <Typography.Text code>{subject}</Typography.Text>,
    },
    { title: 'Địa chỉ IP', dataIndex: 'ip', width: 140, responsive: ['xl'] },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Nhật ký hệ thống
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          placeholder="Người thực hiện (tên đăng nhập)"
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          onPressEnter={search}
          style={{ width: 230 }}
          maxLength={FIELD_LIMITS.username}
          data-testid="audit-actor"
        />
        <AutoComplete
          placeholder="Thao tác"
          value={draft.action}
          options={ACTION_OPTIONS}
          onChange={(action: string) => setDraft({ ...draft, action })}
          showSearch={foldedLabelSearch}
          style={{ width: 300 }}
          allowClear
        />
        <Input
          placeholder="Mã hồ sơ"
          value={draft.dossier}
          onChange={(e) => setDraft({ ...draft, dossier: e.target.value })}
          onPressEnter={search}
          style={{ width: 210 }}
          maxLength={FIELD_LIMITS.code}
          data-testid="audit-dossier"
        />
        <Input
          placeholder="Đối tượng, ví dụ user:reception"
          value={draft.subject}
          disabled={Boolean(draft.dossier.trim())}
          onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
          onPressEnter={search}
          style={{ width: 230 }}
          maxLength={FIELD_LIMITS.search}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          value={draft.range}
          onChange={(range) => setDraft({ ...draft, range })}
          placeholder={['Từ ngày', 'Đến ngày']}
        />
        <Button type="primary" onClick={search} data-testid="audit-search">
          Tìm
        </Button>
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={page.items}
        scroll={{ x: 800 }}
        expandable={{
          rowExpandable: (entry) => entry.data !== null,
          expandedRowRender: (entry) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(entry.data, null, 2)}</pre>
          ),
        }}
        pagination={offsetPagination(filter, setFilter, page.total, PAGE_SIZE, 'mục')}
      />
    </>
  );
}
