import { App, Button, Card, Col, DatePicker, Descriptions, Drawer, Row, Select, Space, Statistic, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../../api/client';
import { reportError } from '../../api/report-error';
import { useAuth } from '../../auth/auth.context';
import { OverdueTable } from './overdue-table';
import { downloadReport, fetchOverdue, fetchReportUnits, fetchSummary, type GroupBy, type OverdueReport, type SummaryReport } from './reports.api';
import { SummaryTable } from './summary-table';

/** Today in Vietnam as YYYY-MM-DD, whatever the device's time zone. */
const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

/** Báo cáo: the leader's dashboard (issue 6): headline figures, the overdue list and Biểu II.06a. */
export function ReportsPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const today = vnToday();
  const [unit, setUnit] = useState<string | undefined>(undefined);
  // `?from=&to=` (YYYY-MM-DD) opens the page on a given period, e.g. a link to last quarter's table.
  const [period, setPeriod] = useState(() => {
    const params = new URLSearchParams(window.location.search);
    return { from: params.get('from') ?? `${today.slice(0, 8)}01`, to: params.get('to') ?? today };
  });
  const [groupBy, setGroupBy] = useState<GroupBy>('field');
  const [units, setUnits] = useState<{ code: string; name: string }[]>([]);
  const [summary, setSummary] = useState<SummaryReport>();
  const [month, setMonth] = useState<SummaryReport>();
  const [overdue, setOverdue] = useState<OverdueReport>();
  const [loading, setLoading] = useState(false);
  const [opened, setOpened] = useState<Record<string, unknown> | null>(null);

  useEffect(() => {
    fetchReportUnits().then((r) => setUnits(r.items), (cause) => reportError(message, cause));
  }, [message]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [s, m, o] = await Promise.all([
        fetchSummary({ ...period, unit, groupBy }),
        fetchSummary({ from: `${today.slice(0, 8)}01`, to: today, unit, groupBy: 'field' }),
        fetchOverdue(unit),
      ]);
      setSummary(s);
      setMonth(m);
      setOverdue(o);
    } catch (cause) {
      reportError(message, cause);
    } finally {
      setLoading(false);
    }
  }, [period, unit, groupBy, today, message]);
  useEffect(() => void load(), [load]);

  const openDossier = async (code: string) => {
    try {
      setOpened(await request<Record<string, unknown>>(`/api/dossiers/${encodeURIComponent(code)}`));
    } catch (cause) {
      reportError(message, cause);
    }
  };
  const download = (path: string, query: Record<string, string | undefined>, format: 'xlsx' | 'csv') =>
    downloadReport(path, query, format).catch((cause) => reportError(message, cause));
  if (!user) return null;

  const totals = summary?.totals;
  const onTime = totals ? totals.resolvedEarly + totals.resolvedOnTime : 0;
  const summaryQuery = { ...period, unit, groupBy };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="reports-page">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>Báo cáo</Typography.Title>
        <Select
          data-testid="unit-picker"
          style={{ minWidth: 320 }}
          value={unit ?? user.unitCode}
          onChange={setUnit}
          options={units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          allowClear={false}
          placeholder={[period.from.split('-').reverse().join('/'), period.to.split('-').reverse().join('/')]}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) => {
            if (range?.[0] && range[1]) setPeriod({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
          }}
        />
      </Space>
      <Row gutter={16}>
        <Col span={8}><Card><Statistic title="Tỷ lệ giải quyết đúng hạn (kỳ chọn)" value={percent(onTime, totals?.resolved ?? 0)} suffix="%" /></Card></Col>
        <Col span={8}><Card><Statistic title="Đang quá hạn" value={overdue?.total ?? 0} valueStyle={{ color: '#cf1322' }} suffix={overdue ? `(${overdue.dossiers} hồ sơ, ${overdue.steps} bước)` : ''} /></Card></Col>
        <Col span={8}><Card><Statistic title="Tiếp nhận trong tháng" value={month ? month.totals.received - month.totals.carriedOver : 0} /></Card></Col>
      </Row>
      <Card title="Hồ sơ, bước xử lý quá hạn" extra={<Space>
        <Button onClick={() => download('/api/reports/overdue', { unit }, 'xlsx')}>Xuất Excel</Button>
        <Button onClick={() => download('/api/reports/overdue', { unit }, 'csv')}>Xuất CSV</Button>
      </Space>}>
        <OverdueTable items={overdue?.items ?? []} loading={loading} onOpen={openDossier} />
      </Card>
      <Card title={`Biểu II.06a: tình hình giải quyết TTHC từ ${period.from.split('-').reverse().join('/')} đến ${period.to.split('-').reverse().join('/')}`} extra={<Space>
        <Select<GroupBy> value={groupBy} onChange={setGroupBy} options={[{ value: 'field', label: 'Theo lĩnh vực' }, { value: 'procedure', label: 'Theo thủ tục' }, { value: 'unit', label: 'Theo đơn vị' }]} />
        <Button type="primary" data-testid="export-xlsx" onClick={() => download('/api/reports/summary', summaryQuery, 'xlsx')}>Xuất Excel</Button>
        <Button onClick={() => download('/api/reports/summary', summaryQuery, 'csv')}>Xuất CSV</Button>
      </Space>}>
        <SummaryTable report={summary} loading={loading} />
      </Card>
      <Drawer open={opened !== null} onClose={() => setOpened(null)} title={String(opened?.code ?? '')} size="large">
        {opened && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="Thủ tục">{String(opened.procedureName)}</Descriptions.Item>
            <Descriptions.Item label="Trạng thái">{String(opened.statusLabel)}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị">{String(opened.unitName)}</Descriptions.Item>
            <Descriptions.Item label="Bước hiện tại">{String(opened.currentStep ?? '—')}</Descriptions.Item>
            <Descriptions.Item label="Ngày nhận">{String(opened.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label="Ngày hẹn trả">{String(opened.appointmentAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
    </Space>
  );
}
