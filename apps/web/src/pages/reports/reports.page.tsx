import { Alert, App, Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useEffect, useState } from 'react';
import { reportError } from '../../api/report-error';
import { useAuth } from '../../auth/auth.context';
import { BreakdownBars } from './breakdown-bars';
import { OverdueTable } from './overdue-table';
import { PeriodicCard } from './periodic-card';
import { RatingsCard } from './ratings-card';
import { downloadReport, fetchReportUnits, type GroupBy, type ReportFileFormat } from './reports.api';
import { SummaryTable } from './summary-table';
import { TrendChart } from './trend-chart';
import { tableOf, useDashboard, vnToday } from './use-dashboard';
import { foldedLabelSearch } from '../../search/folded-search';

// The heatmap draws with bpmn-js: its own chunk, loaded when the page shows it, so this page's bundle does not grow.
const HeatmapCard = lazy(() => import('./heatmap-card'));

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** Báo cáo: the leader's dashboard (issue 6): headline figures, charts, the overdue list, Biểu II.06a and the periodic report. */
export function ReportsPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [unit, setUnit] = useState<string | undefined>(undefined);
  // `?from=&to=` (YYYY-MM-DD) opens the page on a given period, e.g. a link to last quarter's table.
  const [period, setPeriod] = useState(() => {
    const params = new URLSearchParams(window.location.search);
    const today = vnToday();
    return { from: params.get('from') ?? `${today.slice(0, 8)}01`, to: params.get('to') ?? today };
  });
  const [groupBy, setGroupBy] = useState<GroupBy>('field');
  const [units, setUnits] = useState<{ code: string; name: string }[]>([]);
  const data = useDashboard(period, unit);

  useEffect(() => {
    fetchReportUnits().then(
      (r) => setUnits(r.items),
      (cause) => reportError(message, cause),
    );
  }, [message]);

  const download = (path: string, query: Record<string, string | undefined>, format: ReportFileFormat) =>
    downloadReport(path, query, format).catch((cause) => reportError(message, cause));
  if (!user) return null;

  const summary = tableOf(data.breakdown, groupBy);
  const totals = summary?.totals;
  const onTime = totals ? totals.resolvedEarly + totals.resolvedOnTime : 0;
  const month = data.month?.totals;
  const summaryQuery = { ...period, unit, groupBy };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="reports-page">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Báo cáo
        </Typography.Title>
        <Select
          data-testid="unit-picker"
          style={{ minWidth: 320 }}
          value={unit ?? user.unitCode}
          onChange={setUnit}
          options={units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
          showSearch={foldedLabelSearch}
        />
        <DatePicker.RangePicker
          data-testid="period-picker"
          format="DD/MM/YYYY"
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) => {
            if (range?.[0] && range[1])
              setPeriod({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
          }}
        />
      </Space>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              data-testid="card-on-time"
              title={`Tỷ lệ giải quyết đúng hạn (${vnDate(period.from)}–${vnDate(period.to)})`}
              value={percent(onTime, totals?.resolved ?? 0)}
              suffix="%"
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              data-testid="card-overdue"
              title="Đang quá hạn"
              value={data.overdue?.total ?? 0}
              valueStyle={{ color: '#cf1322' }}
              suffix={data.overdue ? `(${data.overdue.dossiers} hồ sơ, ${data.overdue.steps} bước)` : ''}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              data-testid="card-month"
              title="Tiếp nhận trong tháng này"
              value={month ? month.receivedOnline + month.receivedDirect : 0}
            />
          </Card>
        </Col>
      </Row>
      <Card title="Xu hướng theo tuần" size="small">
        {data.trend ? (
          <TrendChart weeks={data.trend.weeks} />
        ) : data.trendError ? (
          <Alert type="info" title={data.trendError} />
        ) : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="Theo đơn vị" size="small">
            <BreakdownBars testId="bars-unit" lines={data.breakdown?.byUnit ?? []} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Theo thủ tục" size="small">
            <BreakdownBars testId="bars-procedure" lines={data.breakdown?.byProcedure ?? []} />
          </Card>
        </Col>
      </Row>
      <Card
        title="Hồ sơ, bước xử lý quá hạn"
        extra={
          <Space>
            <Button onClick={() => download('/api/reports/overdue', { unit }, 'xlsx')}>Xuất Excel</Button>
            <Button onClick={() => download('/api/reports/overdue', { unit }, 'csv')}>Xuất CSV</Button>
          </Space>
        }
      >
        {data.overdue && data.overdue.total > data.overdue.items.length && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={`Hiển thị ${data.overdue.items.length} mục trễ nhất trong ${data.overdue.total}; xuất Excel để có đủ danh sách.`}
          />
        )}
        <OverdueTable items={data.overdue?.items ?? []} loading={data.loading} />
      </Card>
      <Card
        title={`Biểu II.06a: tình hình giải quyết TTHC từ ${vnDate(period.from)} đến ${vnDate(period.to)}`}
        extra={
          <Space>
            <Select<GroupBy>
              value={groupBy}
              onChange={setGroupBy}
              options={[
                { value: 'field', label: 'Theo lĩnh vực' },
                { value: 'procedure', label: 'Theo thủ tục' },
                { value: 'unit', label: 'Theo đơn vị' },
              ]}
            />
            <Button
              type="primary"
              data-testid="export-xlsx"
              onClick={() => download('/api/reports/summary', summaryQuery, 'xlsx')}
            >
              Xuất Excel
            </Button>
            <Button onClick={() => download('/api/reports/summary', summaryQuery, 'csv')}>Xuất CSV</Button>
            <Button data-testid="export-pdf" onClick={() => download('/api/reports/summary', summaryQuery, 'pdf')}>
              In PDF
            </Button>
          </Space>
        }
      >
        <SummaryTable report={summary} loading={data.loading} />
      </Card>
      <RatingsCard
        period={period}
        unit={unit}
        onDownload={(query, format) => download('/api/reports/ratings', query, format)}
      />
      <PeriodicCard unit={unit} onDownload={(query, format) => download('/api/reports/periodic', query, format)} />
      <Suspense fallback={<Card title="Bản đồ nhiệt quy trình" loading />}>
        <HeatmapCard unit={unit} />
      </Suspense>
    </Space>
  );
}
