import { Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../inbox/due-state';
import {
  JOB_KIND_LABELS,
  operationsApi,
  type JobFilter,
  type JobState,
  type OperationsJob,
  type OperationsSummary,
} from './operations.api';
import { offsetPagination, usePagedList } from './use-paged-list';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

const PAGE_SIZE = 20;
const STATE_LABELS: Record<JobState, string> = {
  overdue: 'Quá hạn',
  waiting: 'Đang chờ',
  running: 'Đang chạy',
  failed: 'Thất bại',
};
const STATUS_LABELS: Record<string, string> = { pending: 'Chờ chạy', running: 'Đang chạy', failed: 'Thất bại' };

/** Công việc nền: timers, service tasks and reminders by state; overdue = past due and not run. */
export function JobsTab(props: { summary: OperationsSummary | null }) {
  const [filter, setFilter] = useState<JobFilter>({ state: 'overdue', limit: PAGE_SIZE, offset: 0 });
  const { page, loading } = usePagedList(operationsApi.jobs, filter);
  const refine = (change: Partial<JobFilter>) => setFilter((current) => ({ ...current, ...change, offset: 0 }));

  const columns: ColumnsType<OperationsJob> = [
    {
      title: 'Đến hạn',
      dataIndex: 'dueAt',
      width: 150,
      render: (at: string) => (
        <span style={{ color: filter.state === 'overdue' ? '#cf1322' : undefined }}>{formatDateTime(at)}</span>
      ),
    },
    { title: 'Loại', dataIndex: 'kind', width: 170, render: (kind: string) => JOB_KIND_LABELS[kind] ?? kind },
    {
      title: 'Hồ sơ',
      dataIndex: 'businessKey',
      width: 200,
      render: (key: string | null, j) => (
        <>
          <div>{key ?? '—'}</div>
          <Typography.Text type="secondary" code>
            {j.definitionKey}
          </Typography.Text>
          {j.instanceId && (
            <div>
              <Link to={`/admin/phien/${j.instanceId}`} data-testid={`job-instance-${key}`}>
                Xem phiên xử lý
              </Link>
            </div>
          )}
        </>
      ),
    },
    { title: 'Bước', dataIndex: 'elementId', width: 160 },
    { title: 'Lần chạy', key: 'attempts', width: 90, render: (_, j) => `${j.attempts}/${j.maxAttempts}` },
    {
      title: 'Lỗi gần nhất',
      dataIndex: 'lastError',
      render: (error: string | null) => error && <Typography.Text type="danger">{error}</Typography.Text>,
    },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 110,
      render: (status: string) => (
        <Tag color={status === 'failed' ? 'red' : undefined}>{STATUS_LABELS[status] ?? status}</Tag>
      ),
    },
  ];

  const count = (state: JobState) => (props.summary ? ` (${props.summary.jobs[state]})` : '');
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<JobState>
          value={filter.state}
          onChange={(state) => refine({ state })}
          options={(Object.keys(STATE_LABELS) as JobState[]).map((state) => ({
            value: state,
            label: `${STATE_LABELS[state]}${count(state)}`,
          }))}
          data-testid="job-state"
        />
        <Select
          placeholder="Mọi loại"
          allowClear
          onChange={(kind?: string) => refine({ kind })}
          style={{ width: 200 }}
          options={Object.entries(JOB_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          placeholder="Mã hồ sơ hoặc mã quy trình"
          allowClear
          onSearch={(q) => refine({ q: q || undefined })}
          style={{ width: 280 }}
          maxLength={FIELD_LIMITS.search}
          data-testid="job-search"
        />
      </Space>
      <Table<OperationsJob>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={page.items}
        scroll={{ x: 1000 }}
        pagination={offsetPagination(filter, setFilter, page.total, PAGE_SIZE, 'công việc')}
      />
    </>
  );
}
