import type { UnitStats } from './stats.api';

/** The parts of a unit's bar, in the order a reader scans them: resolved first, then still open. */
const SEGMENTS = [
  { key: 'resolvedEarly', label: 'Trước hạn', color: '#237804' },
  { key: 'resolvedOnTime', label: 'Đúng hạn', color: '#73d13d' },
  { key: 'resolvedLate', label: 'Trễ hạn', color: '#f5222d' },
  { key: 'inProgressOnTime', label: 'Đang giải quyết trong hạn', color: '#4096ff' },
  { key: 'inProgressOverdue', label: 'Đang giải quyết quá hạn', color: '#fa8c16' },
] as const;

type SegmentKey = (typeof SEGMENTS)[number]['key'];

/** "95,2%" in Vietnamese notation, "—" when nothing was resolved yet. */
export const rateText = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('vi-VN')}%`);

function UnitBar({ unit, scale }: { unit: UnitStats; scale: number }) {
  return (
    <div data-testid={`chart-${unit.unitCode}`} style={{ marginBottom: 14 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, fontSize: 14 }}>
        <span style={{ fontWeight: 500 }}>{unit.unitName}</span>
        <span style={{ whiteSpace: 'nowrap' }}>
          Tỉ lệ đúng hạn <b data-testid="chart-rate">{rateText(unit.onTimeRate)}</b>
        </span>
      </div>
      <div
        style={{ display: 'flex', height: 22, background: '#f0f0f0', borderRadius: 4, overflow: 'hidden' }}
        role="img"
        aria-label={barLabel(unit)}
      >
        {SEGMENTS.filter((s) => unit[s.key] > 0).map((s) => (
          <div
            key={s.key}
            data-segment={s.key}
            data-value={unit[s.key]}
            title={`${s.label}: ${unit[s.key]}`}
            style={{
              width: `${(unit[s.key] / scale) * 100}%`,
              background: s.color,
              color: '#fff',
              fontSize: 12,
              lineHeight: '22px',
              textAlign: 'center',
              overflow: 'hidden',
            }}
          >
            {unit[s.key]}
          </div>
        ))}
      </div>
    </div>
  );
}

function barLabel(unit: UnitStats): string {
  const parts = SEGMENTS.map((s) => `${s.label} ${unit[s.key]}`).join(', ');
  return `${unit.unitName}: tiếp nhận ${unit.received}; ${parts}; tỉ lệ đúng hạn ${rateText(unit.onTimeRate)}`;
}

/**
 * Per unit, one bar of the dossiers received in the period split by outcome, all bars on one
 * scale (the busiest unit fills the width), with the on-time rate beside it. Plain HTML: the
 * page needs no chart library, and the bars stay readable on a phone.
 */
export function StatsChart({ units }: { units: UnitStats[] }) {
  const scale = Math.max(1, ...units.map((u) => SEGMENTS.reduce((sum, s) => sum + u[s.key as SegmentKey], 0)));
  return (
    <div data-testid="stats-chart">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginBottom: 16, fontSize: 13 }}>
        {SEGMENTS.map((s) => (
          <span key={s.key} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <span style={{ width: 12, height: 12, background: s.color, borderRadius: 2, display: 'inline-block' }} />
            {s.label}
          </span>
        ))}
      </div>
      {units.length === 0 ? (
        <div style={{ color: '#8c8c8c' }}>Không có hồ sơ tiếp nhận trong kỳ.</div>
      ) : (
        units.map((u) => <UnitBar key={u.unitCode} unit={u} scale={scale} />)
      )}
    </div>
  );
}
