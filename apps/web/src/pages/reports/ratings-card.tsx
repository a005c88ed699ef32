import { Alert, Button, Card, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import {
  fetchRatings,
  type RatingsGroupBy,
  type RatingsReport,
  type RatingsReportRow,
  type ReportFileFormat,
} from './reports.api';

const number = (value: number | null, digits = 2) =>
  value == null ? '—' : value.toLocaleString('vi-VN', { maximumFractionDigits: digits });

/** Đánh giá mức độ hài lòng (issue 18 item 6): per unit or procedure, count, mean per criterion, share satisfied. */
export function RatingsCard({
  period,
  unit,
  onDownload,
}: {
  period: { from: string; to: string };
  unit?: string;
  onDownload: (query: Record<string, string | undefined>, format: ReportFileFormat) => void;
}) {
  const [groupBy, setGroupBy] = useState<RatingsGroupBy>('unit');
  const [report, setReport] = useState<RatingsReport>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    fetchRatings({ ...period, unit, groupBy })
      .then(
        (r) => live && (setReport(r), setError(undefined)),
        (e) => live && setError(e instanceof ApiError ? e.message : 'Không tải được báo cáo đánh giá.'),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [period, unit, groupBy]);

  const columns: ColumnsType<RatingsReportRow> = [
    {
      title: groupBy === 'unit' ? 'Đơn vị' : 'Thủ tục',
      key: 'name',
      render: (_v, row) => (row.key ? `${row.name} (${row.key})` : <b>{row.name}</b>),
    },
    { title: 'Lượt đánh giá', dataIndex: 'count', align: 'right' },
    { title: 'Điểm TB', key: 'avg', align: 'right', render: (_v, row) => number(row.averageOverall) },
    {
      title: 'Hài lòng',
      key: 'satisfied',
      align: 'right',
      render: (_v, row) => (row.satisfiedRate == null ? '—' : `${row.satisfied} (${number(row.satisfiedRate, 1)}%)`),
    },
    ...(report?.criteria ?? []).map((c, i) => ({
      title: <span title={c.label}>{c.label.length > 40 ? `${c.label.slice(0, 38)}…` : c.label}</span>,
      key: c.code,
      align: 'right' as const,
      render: (_v: unknown, row: RatingsReportRow) => number(row.criteria[i]?.average ?? null),
    })),
  ];
  const query = { ...period, unit, groupBy };
  return (
    <Card
      title="Đánh giá mức độ hài lòng của người dân"
      data-testid="ratings-card"
      extra={
        <Space>
          <Select<RatingsGroupBy>
            value={groupBy}
            onChange={setGroupBy}
            data-testid="ratings-group"
            options={[
              { value: 'unit', label: 'Theo đơn vị' },
              { value: 'procedure', label: 'Theo thủ tục' },
            ]}
          />
          <Button type="primary" data-testid="ratings-xlsx" onClick={() => onDownload(query, 'xlsx')}>
            Xuất Excel
          </Button>
          <Button onClick={() => onDownload(query, 'csv')}>Xuất CSV</Button>
        </Space>
      }
    >
      {error && <Alert type="warning" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<RatingsReportRow>
        size="small"
        rowKey={(row) => row.key ?? '__total'}
        loading={loading}
        columns={columns}
        dataSource={report ? (report.rows.length ? [...report.rows, report.total] : []) : []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: 'Chưa có lượt đánh giá nào trong kỳ.' }}
        data-testid="ratings-table"
      />
    </Card>
  );
}
