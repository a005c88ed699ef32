import { Empty } from 'antd';
import type { SummaryCounts } from './reports.api';

type Line = SummaryCounts & { key: string; name: string };

const SEGMENTS = [
  { label: 'Giải quyết đúng hạn', color: '#52c41a', value: (l: SummaryCounts) => l.resolvedEarly + l.resolvedOnTime },
  { label: 'Giải quyết quá hạn', color: '#f5222d', value: (l: SummaryCounts) => l.resolvedLate },
  { label: 'Đang giải quyết trong hạn', color: '#4096ff', value: (l: SummaryCounts) => l.inProgressWithinTime },
  { label: 'Đang giải quyết quá hạn', color: '#fa8c16', value: (l: SummaryCounts) => l.inProgressOverdue },
];
/** Bars shown; the rest are summed up in one line of text. */
const MAX_BARS = 10;

const rate = (l: SummaryCounts) =>
  l.resolved
    ? `${(Math.round(((l.resolvedEarly + l.resolvedOnTime) / l.resolved) * 1000) / 10).toLocaleString('vi-VN')}%`
    : '—';

/** One horizontal bar per unit or procedure (largest first): resolved on time or late, in progress within time or overdue. */
export function BreakdownBars({ lines, testId }: { lines: Line[]; testId: string }) {
  if (!lines.length) return <Empty description="Không có hồ sơ trong kỳ" />;
  const sorted = [...lines].sort((a, b) => b.received - a.received);
  const scale = Math.max(1, ...sorted.map((l) => l.received));
  const hidden = sorted.slice(MAX_BARS);
  return (
    <div data-testid={testId}>
      {sorted.slice(0, MAX_BARS).map((line) => (
        <div key={line.key} data-key={line.key} style={{ marginBottom: 10 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontSize: 13 }}>
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={line.name}>
              {line.name}
            </span>
            <span style={{ whiteSpace: 'nowrap' }}>
              {line.received} hồ sơ · đúng hạn <b>{rate(line)}</b>
            </span>
          </div>
          <div style={{ display: 'flex', height: 14, background: '#f5f5f5', borderRadius: 3, overflow: 'hidden' }}>
            {SEGMENTS.map((s) =>
              s.value(line) > 0 ? (
                <div
                  key={s.label}
                  title={`${s.label}: ${s.value(line)}`}
                  style={{ width: `${(s.value(line) / scale) * 100}%`, background: s.color }}
                />
              ) : null,
            )}
          </div>
        </div>
      ))}
      {hidden.length > 0 && (
        <div style={{ fontSize: 12, color: '#8c8c8c' }}>
          và {hidden.length} mục khác ({hidden.reduce((n, l) => n + l.received, 0)} hồ sơ)
        </div>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, fontSize: 12, marginTop: 6 }}>
        {SEGMENTS.map((s) => (
          <span key={s.label}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: s.color, marginRight: 4 }} />
            {s.label}
          </span>
        ))}
      </div>
    </div>
  );
}
