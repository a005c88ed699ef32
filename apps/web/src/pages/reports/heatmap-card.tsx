import { Alert, App, Card, Checkbox, Col, DatePicker, Radio, Row, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { reportError } from '../../api/report-error';
import { loadProcedures } from '../modeler/modeler-lookups';
import { HeatmapDiagram } from './heatmap-diagram';
import { HEAT_BANDS, NO_DATA, type HeatmapMeasure } from './heatmap.scale';
import { fetchHeatmap, type HeatmapReport } from './reports.api';
import { vnToday } from './use-dashboard';

interface Period {
  from: string;
  to: string;
}
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

function PeriodPicker({ value, onChange, testId }: { value: Period; onChange: (p: Period) => void; testId: string }) {
  return (
    <DatePicker.RangePicker
      data-testid={testId}
      format="DD/MM/YYYY"
      allowClear={false}
      value={[dayjs(value.from), dayjs(value.to)]}
      onChange={(range: [Dayjs | null, Dayjs | null] | null) => {
        if (range?.[0] && range[1])
          onChange({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
      }}
    />
  );
}

/** Reads one period's heatmap whenever the procedure, the period or the unit changes. */
function useHeatmap(procedure: string | undefined, period: Period | null, unit: string | undefined) {
  const { message } = App.useApp();
  const [report, setReport] = useState<HeatmapReport | null>(null);
  const [loading, setLoading] = useState(false);
  const from = period?.from;
  const to = period?.to;
  useEffect(() => {
    if (!procedure || !from || !to) return setReport(null);
    let alive = true;
    setLoading(true);
    fetchHeatmap({ procedure, from, to, unit })
      .then(
        (r) => alive && setReport(r),
        (cause) => alive && (setReport(null), reportError(message, cause)),
      )
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [procedure, from, to, unit, message]);
  return { report, loading };
}

/** Bản đồ nhiệt quy trình (issue 19 item 5): one procedure's diagram coloured per step, one or two periods side by side. */
export default function HeatmapCard({ unit }: { unit?: string }) {
  // `?heatmap=procedure&a=from,to&b=from,to` opens the card on given periods.
  const [initial] = useState(() => {
    const params = new URLSearchParams(window.location.search);
    const pair = (value: string | null) =>
      value?.includes(',') ? { from: value.split(',')[0], to: value.split(',')[1] } : null;
    const today = vnToday();
    return {
      procedure: params.get('heatmap') ?? undefined,
      a: pair(params.get('a')) ?? { from: `${today.slice(0, 4)}-01-01`, to: today },
      b: pair(params.get('b')),
    };
  });
  const [procedures, setProcedures] = useState<{ code: string; name: string }[]>([]);
  const [procedure, setProcedure] = useState<string | undefined>(initial.procedure);
  const [periodA, setPeriodA] = useState<Period>(initial.a);
  const [periodB, setPeriodB] = useState<Period>(
    initial.b ?? {
      from: `${Number(initial.a.from.slice(0, 4)) - 1}${initial.a.from.slice(4)}`,
      to: `${Number(initial.a.to.slice(0, 4)) - 1}${initial.a.to.slice(4)}`,
    },
  );
  const [compare, setCompare] = useState(Boolean(initial.b));
  const [measure, setMeasure] = useState<HeatmapMeasure>('overdueRate');
  const a = useHeatmap(procedure, periodA, unit);
  const b = useHeatmap(procedure, compare ? periodB : null, unit);

  useEffect(() => {
    loadProcedures().then(setProcedures, () => setProcedures([]));
  }, []);

  const panel = (side: 'a' | 'b', data: ReturnType<typeof useHeatmap>, period: Period) => (
    <Col xs={24} xl={compare ? 12 : 24} key={side}>
      <Typography.Text strong>{`Từ ${vnDate(period.from)} đến ${vnDate(period.to)}`}</Typography.Text>
      {data.report && (
        <Typography.Text type="secondary" data-testid={`heatmap-totals-${side}`}>
          {` · ${data.report.totals.completed} bước hoàn thành, ${data.report.totals.overdue} bước quá hạn`}
        </Typography.Text>
      )}
      <Spin spinning={data.loading}>
        {data.report ? (
          <HeatmapDiagram report={data.report} measure={measure} testId={`heatmap-${side}`} />
        ) : (
          <div style={{ height: 420 }} />
        )}
      </Spin>
    </Col>
  );

  return (
    <Card title="Bản đồ nhiệt quy trình" data-testid="heatmap-card">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          data-testid="heatmap-procedure"
          style={{ minWidth: 360 }}
          placeholder="Chọn thủ tục"
          value={procedure}
          onChange={setProcedure}
          options={procedures.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <PeriodPicker testId="heatmap-period-a" value={periodA} onChange={setPeriodA} />
        <Checkbox data-testid="heatmap-compare" checked={compare} onChange={(e) => setCompare(e.target.checked)}>
          So sánh với kỳ khác
        </Checkbox>
        {compare && <PeriodPicker testId="heatmap-period-b" value={periodB} onChange={setPeriodB} />}
        <Radio.Group
          value={measure}
          onChange={(e) => setMeasure(e.target.value as HeatmapMeasure)}
          data-testid="heatmap-measure"
        >
          <Radio.Button value="overdueRate">Tỷ lệ quá hạn</Radio.Button>
          <Radio.Button value="medianWorkingHours">Thời gian xử lý trung vị</Radio.Button>
        </Radio.Group>
      </Space>
      {!procedure && (
        <Alert
          type="info"
          title="Chọn một thủ tục để xem thời gian xử lý và tỷ lệ quá hạn của từng bước trên sơ đồ quy trình."
        />
      )}
      {procedure && (
        <>
          <Space wrap data-testid="heatmap-legend" style={{ marginBottom: 8 }}>
            {[...HEAT_BANDS[measure], NO_DATA].map((band) => (
              <Space key={band.label} size={4}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 14,
                    height: 14,
                    background: band.color,
                    border: '1px solid #bfbfbf',
                  }}
                />
                <span>{band.label}</span>
              </Space>
            ))}
            <Typography.Text type="secondary">TV: trung vị thời gian xử lý, tính theo giờ làm việc.</Typography.Text>
          </Space>
          <Row gutter={16}>
            {panel('a', a, periodA)}
            {compare && panel('b', b, periodB)}
          </Row>
        </>
      )}
    </Card>
  );
}
