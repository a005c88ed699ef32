import { App, Button, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatDateTime } from '../inbox/due-state';
import { operationsApi, type FailingSms, type SmsFilter } from './operations.api';
import { RetryReasonModal } from './retry-reason.modal';
import { offsetPagination, usePagedList } from './use-paged-list';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

const PAGE_SIZE = 20;
const KIND_LABELS: Record<string, string> = {
  received: 'Tiếp nhận hồ sơ',
  supplement_required: 'Yêu cầu bổ sung',
  result_ready: 'Có kết quả',
  apology: 'Thư xin lỗi, hẹn lại',
  rejected: 'Từ chối giải quyết',
};

/** Tin nhắn SMS lỗi: messages the gateway keeps refusing (retried with backoff); "gửi ngay" with a reason. */
export function SmsFailuresTab(props: { onChanged(): void }) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<SmsFilter>({ limit: PAGE_SIZE, offset: 0 });
  const [retrying, setRetrying] = useState<FailingSms | null>(null);
  const { page, loading, reload } = usePagedList(operationsApi.failingSms, filter);

  const columns: ColumnsType<FailingSms> = [
    { title: 'Tạo lúc', dataIndex: 'createdAt', width: 150, render: formatDateTime },
    { title: 'Hồ sơ', dataIndex: 'code', width: 200 },
    { title: 'Nội dung', dataIndex: 'kind', width: 160, render: (kind: string) => KIND_LABELS[kind] ?? kind },
    { title: 'Số điện thoại', dataIndex: 'phone', width: 130 },
    {
      title: 'Lỗi gần nhất',
      dataIndex: 'lastError',
      render: (error: string, s) => (
        <>
          <Typography.Text type="danger">{error}</Typography.Text>
          <div>
            <Typography.Text type="secondary">
              {s.attempts} lần gửi; lần sau {formatDateTime(s.nextAttemptAt)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: '',
      key: 'retry',
      width: 110,
      render: (_, s) => (
        <Button size="small" onClick={() => setRetrying(s)}>
          Gửi ngay
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="Mã hồ sơ"
          allowClear
          onSearch={(q) => setFilter({ q: q || undefined, limit: PAGE_SIZE, offset: 0 })}
          style={{ width: 280 }}
          maxLength={FIELD_LIMITS.search}
        />
      </Space>
      <Table<FailingSms>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={page.items}
        scroll={{ x: 900 }}
        pagination={offsetPagination(filter, setFilter, page.total, PAGE_SIZE, 'tin nhắn')}
      />
      <RetryReasonModal
        target={
          retrying && {
            title: `Gửi lại SMS cho hồ sơ ${retrying.code}`,
            retry: (reason) => operationsApi.retrySms(retrying.id, reason),
          }
        }
        onClose={() => setRetrying(null)}
        onDone={() => {
          message.success('Tin nhắn sẽ được gửi trong vài giây');
          setRetrying(null);
          reload();
          props.onChanged();
        }}
      />
    </>
  );
}
