import { App, Button, Card, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { reportError } from '../../api/report-error';
import { fetchPeriodic, type PeriodicFigures, type PeriodicReport, type ReportFileFormat } from './reports.api';
import { vietnamWallClock, vietnamYear } from '../../../../../libs/calendar/src/vietnam-time.js';

type UnitLine = PeriodicReport['units'][number];
type Half = 0 | 1 | 2;

const number = (value: number | null, suffix = '') =>
  value === null ? '—' : `${value.toLocaleString('vi-VN')}${suffix}`;
const figure = (title: string, field: keyof PeriodicFigures, suffix = '') => ({
  title,
  key: field,
  align: 'right' as const,
  width: 110,
  render: (_v: unknown, line: PeriodicFigures) => number(line[field], suffix),
});

/** Six-monthly / yearly report on use of the system: pickers, the per-unit figures and the downloads. */
export function PeriodicCard({
  unit,
  onDownload,
}: {
  unit?: string;
  onDownload: (query: Record<string, string | undefined>, format: ReportFileFormat) => void;
}) {
  const { message } = App.useApp();
  const thisYear = vietnamYear(Date.now());
  const [year, setYear] = useState(thisYear);
  // The current period: the half-year of today in Vietnam (issue 19 item 6: it was always the first half).
  const [half, setHalf] = useState<Half>(() => (vietnamWallClock(Date.now()).month <= 6 ? 1 : 2));
  const [report, setReport] = useState<PeriodicReport>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setLoading(true);
    fetchPeriodic({ year, half: half || undefined, unit })
      .then(setReport, (cause) => reportError(message, cause))
      .finally(() => setLoading(false));
  }, [year, half, unit, message]);

  const query = { year: String(year), half: half ? String(half) : undefined, unit };
  const columns: ColumnsType<UnitLine> = [
    { title: 'Đơn vị', dataIndex: 'name', key: 'name' },
    figure('Tiếp nhận mới', 'received'),
    figure('Tỷ lệ trực tuyến', 'onlineShare', '%'),
    figure('Đã giải quyết', 'resolved'),
    figure('Tỷ lệ đúng hạn', 'onTimeRate', '%'),
    figure('TG giải quyết TB (ngày làm việc)', 'averageProcessingDays'),
    figure('Phí, lệ phí thu trực tuyến', 'feesCollectedOnline', ' đ'),
  ];
  return (
    <Card
      title="Báo cáo định kỳ về sử dụng hệ thống"
      extra={
        <Space wrap>
          <Select
            data-testid="periodic-year"
            value={year}
            onChange={setYear}
            options={Array.from({ length: 6 }, (_v, i) => ({ value: thisYear - i, label: `Năm ${thisYear - i}` }))}
          />
          <Select<Half>
            data-testid="periodic-half"
            value={half}
            onChange={setHalf}
            style={{ minWidth: 150 }}
            options={[
              { value: 1, label: '6 tháng đầu năm' },
              { value: 2, label: '6 tháng cuối năm' },
              { value: 0, label: 'Cả năm' },
            ]}
          />
          <Button data-testid="periodic-xlsx" onClick={() => onDownload(query, 'xlsx')}>
            Xuất Excel
          </Button>
          <Button onClick={() => onDownload(query, 'csv')}>Xuất CSV</Button>
          <Button onClick={() => onDownload(query, 'pdf')}>In PDF</Button>
        </Space>
      }
    >
      <Table<UnitLine>
        data-testid="periodic-table"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={
          report ? [...report.units, { ...report.totals, code: '__total', name: 'Tổng cộng', procedures: [] }] : []
        }
        rowKey="code"
        pagination={false}
        onRow={(line) => (line.code === '__total' ? { style: { fontWeight: 600 } } : {})}
      />
    </Card>
  );
}
