import { Alert, Card, Col, DatePicker, Row, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { secondsParamMs } from '../lookup/seconds-param';
import { vietnamDateTime } from '../lookup/tracking.api';
import { rateText, StatsChart } from './stats-chart';
import { fetchStats, type PublicStats, type UnitStats } from './stats.api';

/** The page reloads its figures this often (`?refresh=<s>` to change), so a screen in the hall stays current. */
const REFRESH_MS = 60_000;

const COLUMNS = [
  { title: 'Đơn vị', dataIndex: 'unitName', key: 'unitName', width: 220 },
  { title: 'Tiếp nhận', dataIndex: 'received', key: 'received', align: 'right' as const },
  { title: 'Trước hạn', dataIndex: 'resolvedEarly', key: 'resolvedEarly', align: 'right' as const },
  { title: 'Đúng hạn', dataIndex: 'resolvedOnTime', key: 'resolvedOnTime', align: 'right' as const },
  { title: 'Trễ hạn', dataIndex: 'resolvedLate', key: 'resolvedLate', align: 'right' as const },
  {
    title: 'Đang giải quyết trong hạn',
    dataIndex: 'inProgressOnTime',
    key: 'inProgressOnTime',
    align: 'right' as const,
  },
  {
    title: 'Đang giải quyết quá hạn',
    dataIndex: 'inProgressOverdue',
    key: 'inProgressOverdue',
    align: 'right' as const,
  },
  { title: 'Tỉ lệ đúng hạn', dataIndex: 'onTimeRate', key: 'onTimeRate', align: 'right' as const, render: rateText },
];

function StatsTable({ stats, loading }: { stats?: PublicStats; loading: boolean }) {
  return (
    <Table<UnitStats>
      data-testid="stats-table"
      rowKey="unitCode"
      columns={COLUMNS}
      dataSource={stats?.units ?? []}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 860 }}
      summary={() =>
        stats && (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>{stats.total.unitName}</Table.Summary.Cell>
            {COLUMNS.slice(1).map((c, i) => (
              <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                <span data-testid={`total-${c.key}`}>
                  {c.key === 'onTimeRate' ? rateText(stats.total.onTimeRate) : stats.total[c.key as keyof UnitStats]}
                </span>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )
      }
    />
  );
}

type Period = [Dayjs | null, Dayjs | null] | null;

/** A `YYYY-MM-DD` day from the link; a mistyped one is ignored rather than failing the page. */
const dayParam = (params: URLSearchParams, name: string) => {
  const value = params.get(name);
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? value : undefined;
};

/** `/thong-ke`: the provincial aggregate, public, a chart beside the table, refreshing itself; `?from=&to=` keeps the period in the link. */
export function StatsPage() {
  const refreshMs = useMemo(() => secondsParamMs(window.location.search, 'refresh', REFRESH_MS), []);
  const [params, setParams] = useSearchParams();
  const from = dayParam(params, 'from');
  const to = dayParam(params, 'to');
  const period: Period = from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;
  const [stats, setStats] = useState<PublicStats>();
  const [loadedAt, setLoadedAt] = useState<string>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      const next = await fetchStats(from, to);
      setStats(next);
      // When the server computed the figures (it reuses them for up to a minute), else now.
      setLoadedAt(next.asOf ?? new Date().toISOString());
      setError(undefined);
    } catch {
      setError('Không tải được số liệu. Trang sẽ tự thử lại.');
    }
  }, [from, to]);

  const choose = (next: Period) =>
    setParams((current) => {
      const query = new URLSearchParams(current);
      for (const [name, day] of [
        ['from', next?.[0]],
        ['to', next?.[1]],
      ] as const) {
        if (day) query.set(name, day.format('YYYY-MM-DD'));
        else query.delete(name);
      }
      return query;
    });

  useEffect(() => {
    void load();
    const timer = window.setInterval(load, refreshMs);
    return () => window.clearInterval(timer);
  }, [load, refreshMs]);

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: 'clamp(12px, 3vw, 32px)' }}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Tình hình giải quyết hồ sơ toàn tỉnh
        </Typography.Title>
        <Space wrap>
          <span>Kỳ tiếp nhận:</span>
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            value={period}
            onChange={choose}
            data-testid="stats-period"
            placeholder={['Từ ngày', 'Đến ngày']}
          />
          {loadedAt && (
            <Typography.Text type="secondary" data-testid="stats-updated">
              Cập nhật lúc {vietnamDateTime(loadedAt)}
            </Typography.Text>
          )}
          <Link to="/tra-cuu">Tra cứu hồ sơ</Link>
        </Space>
        {error && <Alert type="warning" showIcon message={error} />}
        <Row gutter={[24, 24]}>
          <Col xs={24} xxl={15}>
            <StatsTable stats={stats} loading={!stats && !error} />
          </Col>
          <Col xs={24} xxl={9}>
            <Card title="Hồ sơ tiếp nhận theo đơn vị" size="small">
              <StatsChart units={stats?.units ?? []} />
            </Card>
          </Col>
        </Row>
      </Space>
    </div>
  );
}
