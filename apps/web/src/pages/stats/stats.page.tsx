import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Notice } from '../../public/notice';
import { PageHeading, Panel } from '../../public/panel';
import { publicInput } from '../../public/public-controls';
import { secondsParamMs } from '../lookup/seconds-param';
import { vietnamDateTime } from '../lookup/tracking.api';
import { rateText, StatsChart } from './stats-chart';
import { dayParam, fetchStats, type PublicStats, type UnitStats } from './stats.api';

/** The page reloads its figures this often (`?refresh=<s>` to change), so a screen in the hall stays current. */
const REFRESH_MS = 60_000;

type NumberKey = Exclude<keyof UnitStats, 'unitCode' | 'unitName' | 'onTimeRate'>;
const COLUMNS: { title: string; key: 'unitName' | 'onTimeRate' | NumberKey; align: 'left' | 'right' }[] = [
  { title: 'Đơn vị', key: 'unitName', align: 'left' },
  { title: 'Tiếp nhận', key: 'received', align: 'right' },
  { title: 'Trước hạn', key: 'resolvedEarly', align: 'right' },
  { title: 'Đúng hạn', key: 'resolvedOnTime', align: 'right' },
  { title: 'Trễ hạn', key: 'resolvedLate', align: 'right' },
  { title: 'Đang giải quyết trong hạn', key: 'inProgressOnTime', align: 'right' },
  { title: 'Đang giải quyết quá hạn', key: 'inProgressOverdue', align: 'right' },
  { title: 'Tỉ lệ đúng hạn', key: 'onTimeRate', align: 'right' },
];

const cell = (align: 'left' | 'right'): CSSProperties => ({
  padding: '12px 8px',
  textAlign: align,
  borderBottom: '1px solid #f0f0f0',
});

/**
 * The figures per unit and the province's total, as a plain table that looks like antd's Table
 * (size middle) without its 52 KB gzipped of sorting, filters and virtual scroll the page never
 * used (issue 18 item 8). Scrolls sideways inside its box on a phone.
 */
function StatsTable({ stats, loading }: { stats?: PublicStats; loading: boolean }) {
  return (
    <div style={{ overflowX: 'auto', background: '#fff', borderRadius: 8 }} data-testid="stats-table">
      <table style={{ width: '100%', minWidth: 860, borderCollapse: 'collapse', fontSize: 14 }}>
        <thead>
          <tr style={{ background: '#fafafa' }}>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                style={{ ...cell(c.align), fontWeight: 600, width: c.key === 'unitName' ? 220 : undefined }}
              >
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(stats?.units ?? []).map((unit) => (
            <tr key={unit.unitCode}>
              {COLUMNS.map((c) => (
                <td key={c.key} style={cell(c.align)}>
                  {c.key === 'onTimeRate' ? rateText(unit.onTimeRate) : unit[c.key]}
                </td>
              ))}
            </tr>
          ))}
          {!stats && (
            <tr>
              <td colSpan={COLUMNS.length} style={{ ...cell('left'), color: '#8c8c8c', textAlign: 'center' }}>
                {loading ? 'Đang tải số liệu…' : 'Chưa có số liệu.'}
              </td>
            </tr>
          )}
        </tbody>
        {stats && (
          <tfoot>
            <tr style={{ fontWeight: 600 }}>
              {COLUMNS.map((c) => (
                <td key={c.key} style={cell(c.align)}>
                  {c.key === 'unitName' ? (
                    stats.total.unitName
                  ) : (
                    <span data-testid={`total-${c.key}`}>
                      {c.key === 'onTimeRate' ? rateText(stats.total.onTimeRate) : stats.total[c.key]}
                    </span>
                  )}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** The table beside the chart on a wide screen (antd's xxl, 1600 px), above it otherwise. */
const GRID_CSS = `.stats-grid{display:grid;gap:24px;grid-template-columns:minmax(0,1fr)}
@media (min-width:1600px){.stats-grid{grid-template-columns:minmax(0,15fr) minmax(0,9fr)}}`;

const dateInput: CSSProperties = { ...publicInput, width: 'auto', minHeight: 36, padding: '4px 8px', fontSize: 15 };

/** `/thong-ke`: the provincial aggregate, public, a chart beside the table, refreshing itself; `?from=&to=` keeps the period in the link. */
export function StatsPage() {
  const refreshMs = useMemo(() => secondsParamMs(window.location.search, 'refresh', REFRESH_MS), []);
  const [params, setParams] = useSearchParams();
  const from = dayParam(params, 'from');
  const to = dayParam(params, 'to');
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

  /** A day chosen (or cleared) in one of the two date fields: kept in the link. */
  const choose = (name: 'from' | 'to', day: string) =>
    setParams((current) => {
      const query = new URLSearchParams(current);
      if (day) query.set(name, day);
      else query.delete(name);
      return query;
    });

  useEffect(() => {
    void load();
    const timer = window.setInterval(load, refreshMs);
    return () => window.clearInterval(timer);
  }, [load, refreshMs]);

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: 'clamp(12px, 3vw, 32px)' }}>
      <style>{GRID_CSS}</style>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
        <PageHeading title="Tình hình giải quyết hồ sơ toàn tỉnh" />
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px 12px' }}>
          <span id="stats-period-label">Kỳ tiếp nhận:</span>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }} data-testid="stats-period">
            <input
              type="date"
              aria-label="Từ ngày"
              data-testid="stats-from"
              value={from ?? ''}
              max={to}
              onChange={(e) => choose('from', e.target.value)}
              style={dateInput}
            />
            <span aria-hidden>→</span>
            <input
              type="date"
              aria-label="Đến ngày"
              data-testid="stats-to"
              value={to ?? ''}
              min={from}
              onChange={(e) => choose('to', e.target.value)}
              style={dateInput}
            />
          </span>
          {loadedAt && (
            <span style={{ color: 'rgba(0,0,0,0.45)' }} data-testid="stats-updated">
              Cập nhật lúc {vietnamDateTime(loadedAt)}
            </span>
          )}
          <Link to="/tra-cuu" style={{ color: '#1677ff' }}>
            Tra cứu hồ sơ
          </Link>
          <Link to="/thu-tuc" style={{ color: '#1677ff' }}>
            Thủ tục hành chính
          </Link>
        </div>
        {error && <Notice type="warning">{error}</Notice>}
        <div className="stats-grid">
          <StatsTable stats={stats} loading={!stats && !error} />
          <Panel title="Hồ sơ tiếp nhận theo đơn vị" bodyPadding={12} style={{ alignSelf: 'start' }}>
            <StatsChart units={stats?.units ?? []} />
          </Panel>
        </div>
      </div>
    </div>
  );
}
