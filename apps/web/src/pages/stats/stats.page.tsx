import { Alert, DatePicker, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { fetchStats, type PublicStats, type UnitStats } from './stats.api';

/** The page reloads its figures this often, so a screen in the hall stays current. */
const REFRESH_MS = 60_000;

const rate = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('vi-VN')}%`);

const COLUMNS = [
  { title: 'Đơn vị', dataIndex: 'unitName', key: 'unitName' },
  { title: 'Tiếp nhận', dataIndex: 'received', key: 'received', align: 'right' as const },
  { title: 'Trước hạn', dataIndex: 'resolvedEarly', key: 'resolvedEarly', align: 'right' as const },
  { title: 'Đúng hạn', dataIndex: 'resolvedOnTime', key: 'resolvedOnTime', align: 'right' as const },
  { title: 'Trễ hạn', dataIndex: 'resolvedLate', key: 'resolvedLate', align: 'right' as const },
  { title: 'Đang giải quyết trong hạn', dataIndex: 'inProgressOnTime', key: 'inProgressOnTime', align: 'right' as const },
  { title: 'Đang giải quyết quá hạn', dataIndex: 'inProgressOverdue', key: 'inProgressOverdue', align: 'right' as const },
  { title: 'Tỉ lệ đúng hạn', dataIndex: 'onTimeRate', key: 'onTimeRate', align: 'right' as const, render: rate },
];

/** `/thong-ke`: the provincial aggregate, public, refreshing itself. */
export function StatsPage() {
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [stats, setStats] = useState<PublicStats>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      setStats(await fetchStats(period?.[0]?.format('YYYY-MM-DD'), period?.[1]?.format('YYYY-MM-DD')));
      setError(undefined);
    } catch {
      setError('Không tải được số liệu. Trang sẽ tự thử lại.');
    }
  }, [period]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: 32 }}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>Tình hình giải quyết hồ sơ toàn tỉnh</Typography.Title>
        <Space>
          <span>Kỳ tiếp nhận:</span>
          <DatePicker.RangePicker format="DD/MM/YYYY" value={period} onChange={(v) => setPeriod(v)} data-testid="stats-period" />
          <Link to="/tra-cuu">Tra cứu hồ sơ</Link>
        </Space>
        {error && <Alert type="warning" showIcon message={error} />}
        <Table<UnitStats>
          data-testid="stats-table"
          rowKey="unitCode"
          columns={COLUMNS}
          dataSource={stats?.units ?? []}
          loading={!stats && !error}
          pagination={false}
          summary={() =>
            stats && (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{stats.total.unitName}</Table.Summary.Cell>
                {COLUMNS.slice(1).map((c, i) => (
                  <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                    <span data-testid={`total-${c.key}`}>{c.key === 'onTimeRate' ? rate(stats.total.onTimeRate) : stats.total[c.key as keyof UnitStats]}</span>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )
          }
        />
      </Space>
    </div>
  );
}
