import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../inbox/due-state';
import { JOB_KIND_LABELS, operationsApi, type IncidentFilter, type OperationsIncident } from './operations.api';
import { RetryReasonModal } from './retry-reason.modal';
import { BulkActionModal, type BulkPreview } from './bulk-action.modal';
import { INCIDENT_CODE_LABELS } from './admin-labels';
import { offsetPagination, usePagedList } from './use-paged-list';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

const PAGE_SIZE = 20;

/** Sự cố: failed service tasks and notifications (`deadline.*`), retried with a reason. */
export function IncidentsTab(props: { onChanged(): void }) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<IncidentFilter>({ status: 'open', limit: PAGE_SIZE, offset: 0 });
  const [retrying, setRetrying] = useState<OperationsIncident | null>(null);
  const [bulk, setBulk] = useState(false);
  const { page, loading, reload } = usePagedList(operationsApi.incidents, filter);
  const refine = (change: Partial<IncidentFilter>) => setFilter((current) => ({ ...current, ...change, offset: 0 }));

  const columns: ColumnsType<OperationsIncident> = [
    { title: 'Thời điểm', dataIndex: 'createdAt', width: 150, render: formatDateTime },
    {
      title: 'Hồ sơ',
      dataIndex: 'businessKey',
      width: 190,
      render: (key: string | null, x) => (
        <>
          <div>{key ?? '—'}</div>
          <Typography.Text type="secondary" code>
            {x.definitionKey}
          </Typography.Text>
          <div>
            <Link to={`/admin/phien/${x.instanceId}`} data-testid={`incident-instance-${x.businessKey}`}>
              Xem phiên xử lý
            </Link>
          </div>
        </>
      ),
    },
    {
      title: 'Loại',
      dataIndex: 'jobKind',
      width: 150,
      render: (kind: string | null) => (kind ? (JOB_KIND_LABELS[kind] ?? kind) : 'Lỗi quy trình'),
    },
    {
      title: 'Lỗi',
      key: 'error',
      render: (_, x) => (
        <>
          <Tag color={x.status === 'open' ? 'red' : 'default'}>{x.code}</Tag>
          {INCIDENT_CODE_LABELS[x.code] && <div>{INCIDENT_CODE_LABELS[x.code]}</div>}
          <span>{x.message}</span>
          <div>
            <Typography.Text type="secondary">Bước: {x.elementId ?? '—'}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 170,
      render: (_, x) =>
        x.status === 'open' ? (
          <Button
            size="small"
            type="primary"
            disabled={!x.jobId}
            onClick={() => setRetrying(x)}
            data-testid={`incident-retry-${x.businessKey}`}
          >
            Thử lại
          </Button>
        ) : (
          <Typography.Text type="secondary">
            Đã xử lý bởi {x.resolvedBy ?? '—'}
            <br />
            {formatDateTime(x.resolvedAt)}
          </Typography.Text>
        ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="Mã hồ sơ hoặc mã quy trình"
          allowClear
          onSearch={(q) => refine({ q: q || undefined })}
          style={{ width: 280 }}
          maxLength={FIELD_LIMITS.search}
          data-testid="incident-search"
        />
        <Select
          value={filter.status}
          onChange={(status) => refine({ status })}
          style={{ width: 170 }}
          options={[
            { value: 'open', label: 'Đang mở' },
            { value: 'resolved', label: 'Đã xử lý' },
            { value: 'all', label: 'Tất cả' },
          ]}
        />
        <Select
          placeholder="Mọi loại"
          allowClear
          onChange={(kind?: string) => refine({ kind })}
          style={{ width: 220 }}
          options={[
            { value: 'service', label: 'Tác vụ dịch vụ' },
            { value: 'deadline', label: 'Thông báo hạn xử lý' },
            { value: 'timer', label: 'Hẹn giờ' },
            { value: 'appointment', label: 'Nhắc ngày hẹn trả' },
          ]}
        />
        <Button disabled={filter.status !== 'open'} onClick={() => setBulk(true)} data-testid="incident-bulk-retry">
          Thử lại tất cả theo bộ lọc
        </Button>
      </Space>
      <Table<OperationsIncident>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={page.items}
        scroll={{ x: 900 }}
        pagination={offsetPagination(filter, setFilter, page.total, PAGE_SIZE, 'sự cố')}
      />
      <RetryReasonModal
        target={
          retrying && {
            title: `Thử lại sự cố ${retrying.code}${retrying.businessKey ? ` của hồ sơ ${retrying.businessKey}` : ''}`,
            retry: (reason) => operationsApi.retryIncident(retrying.id, reason),
          }
        }
        onClose={() => setRetrying(null)}
        onDone={() => {
          message.success('Đã thử lại: công việc nền được chạy lại ngay');
          setRetrying(null);
          reload();
          props.onChanged();
        }}
      />
      <BulkActionModal
        action={
          bulk
            ? {
                title: 'Thử lại các sự cố đang mở theo bộ lọc',
                verb: 'Thử lại',
                noun: 'sự cố',
                run: (reason, dryRun) =>
                  operationsApi.bulkRetry({ dryRun, reason, kind: filter.kind, q: filter.q }).then(bulkRetryPreview),
              }
            : null
        }
        onClose={() => setBulk(false)}
        onDone={(result) => {
          if (result.failed)
            message.warning(
              `Đã thử lại ${result.done} sự cố; ${result.failed} sự cố không thử lại được (đã được xử lý hoặc không có công việc nền).`,
            );
          else message.success(`Đã thử lại ${result.done} sự cố`);
          setBulk(false);
          reload();
          props.onChanged();
        }}
      />
    </>
  );
}

function bulkRetryPreview(answer: Awaited<ReturnType<typeof operationsApi.bulkRetry>>): BulkPreview {
  return {
    total: answer.total,
    done: answer.retried,
    failed: answer.failed.length,
    items: answer.items.map((x) => ({
      key: x.id,
      instanceId: x.instanceId,
      label: `${x.businessKey ?? 'Không có hồ sơ'} — ${INCIDENT_CODE_LABELS[x.code] ?? (x.jobKind ? (JOB_KIND_LABELS[x.jobKind] ?? 'Công việc nền') : 'Lỗi quy trình')}`,
    })),
  };
}
