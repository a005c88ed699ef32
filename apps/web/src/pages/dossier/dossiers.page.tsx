import { App, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import type { Page } from '../../api/api.types';
import { listDossiers, type DossierListItem, type DossierStatus } from '../../api/dossiers.api';
import { formatDateTime } from '../inbox/due-state';
import { DOSSIER_STATUS, STATUS_OPTIONS } from '../../api/dossier-status';
import { dossierErrorMessage, PAYMENT_LABELS } from './dossier-labels';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

/** Statuses in which the dossier waits at a step worth naming under the status. */
const IN_PROGRESS: DossierStatus[] = ['received', 'processing', 'financial_obligation', 'result_ready'];

interface Query {
  q?: string;
  status?: DossierStatus;
  page: number;
  pageSize: number;
}

/** Hồ sơ: the dossiers the officer's unit received or works on, newest first, searchable by code or applicant. */
export function DossiersPage() {
  const { message } = App.useApp();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Page<DossierListItem>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  // Only the latest request may fill the table.
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    listDossiers({ q: query.q, status: query.status, limit: query.pageSize, offset: (query.page - 1) * query.pageSize })
      .then((page) => ticket === latest.current && setData(page))
      .catch((cause: unknown) => ticket === latest.current && message.error(dossierErrorMessage(cause)))
      .finally(() => ticket === latest.current && setLoading(false));
  }, [query, message]);

  return (
    <Card
      title="Hồ sơ"
      extra={
        <Space wrap>
          <Select<DossierStatus>
            allowClear
            placeholder="Mọi trạng thái"
            style={{ width: 230 }}
            options={STATUS_OPTIONS}
            onChange={(status) => setQuery({ ...query, status, page: 1 })}
            data-testid="dossier-status-filter"
          />
          <Input.Search
            placeholder="Mã hồ sơ hoặc tên người nộp"
            maxLength={FIELD_LIMITS.search}
            allowClear
            style={{ width: 280 }}
            onSearch={(text) => setQuery({ ...query, q: text.trim() || undefined, page: 1 })}
            data-testid="dossier-search"
          />
        </Space>
      }
    >
      <Table<DossierListItem>
        data-testid="dossier-table"
        rowKey="code"
        size="middle"
        loading={loading}
        dataSource={data.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Không có hồ sơ nào' }}
        onRow={(d) => ({ 'data-testid': `dossier-row-${d.code}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          // The columns fit the 1,048 px a 1366 px screen leaves beside the menu (issue 19 item 6): long
          // names wrap, and the reception time sits under the code instead of in a column of its own.
          {
            title: 'Mã hồ sơ',
            dataIndex: 'code',
            render: (code: string, d) => (
              <div style={{ whiteSpace: 'nowrap' }}>
                <Link to={`/ho-so/${encodeURIComponent(code)}`}>{code}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    Tiếp nhận {formatDateTime(d.receivedAt)}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: 'Thủ tục',
            dataIndex: 'procedureName',
            render: (name: string) => <div style={{ maxWidth: 240, whiteSpace: 'normal' }}>{name}</div>,
          },
          {
            title: 'Người nộp',
            dataIndex: 'applicantName',
            render: (name: string) => <div style={{ maxWidth: 200, whiteSpace: 'normal' }}>{name}</div>,
          },
          {
            title: 'Hẹn trả',
            dataIndex: 'appointmentAt',
            render: (at: string, d) => (
              <div style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(at)}
                {d.overdue && (
                  <div>
                    <Tag color="red">Quá hạn</Tag>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (status: DossierStatus, d) => (
              <div>
                <Tag color={DOSSIER_STATUS[status].tag}>{d.statusLabel}</Tag>
                {/* Under the status, not beside it: the list must still fit 1366 px (issue 19 item 6). */}
                {d.payment !== 'not_required' && (
                  <div style={{ marginTop: 4 }}>
                    <Tag color={d.payment === 'paid' ? 'green' : 'orange'} data-testid="list-payment">
                      {PAYMENT_LABELS[d.payment]}
                    </Tag>
                  </div>
                )}
                {d.currentStep && IN_PROGRESS.includes(status) && (
                  <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.currentStep}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
        ]}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `Tổng số ${total} hồ sơ`,
          onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
        }}
      />
    </Card>
  );
}
