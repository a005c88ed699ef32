import type { TrendWeek } from './reports.api';

const SERIES = [
  { key: 'received', label: 'Tiếp nhận', color: '#1677ff' },
  { key: 'resolved', label: 'Đã giải quyết', color: '#52c41a' },
  { key: 'resolvedLate', label: 'Giải quyết quá hạn', color: '#f5222d' },
] as const;

const WIDTH = 1000;
const HEIGHT = 240;
const PAD = { left: 36, right: 28, top: 12, bottom: 32 };

/** `dd/MM` of a YYYY-MM-DD day. */
const dayMonth = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/** An even top for the y axis, so the middle grid line falls on a whole count too. */
function axisTop(max: number): number {
  if (max <= 4) return 4;
  const unit = Math.max(2, 0.4 * 10 ** Math.floor(Math.log10(max)));
  return Math.ceil(max / unit) * unit;
}

/** Weekly received, resolved and resolved-late dossiers as three lines (a small SVG: no chart library needed). */
export function TrendChart({ weeks }: { weeks: TrendWeek[] }) {
  const top = axisTop(Math.max(0, ...weeks.flatMap((w) => [w.received, w.resolved])));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (weeks.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (weeks.length - 1));
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 12));
  return (
    <div data-testid="trend-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label="Xu hướng tiếp nhận và giải quyết theo tuần"
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(top * f)} y2={y(top * f)} stroke="#f0f0f0" />
            <text x={PAD.left - 6} y={y(top * f) + 4} fontSize={11} textAnchor="end" fill="#8c8c8c">
              {top * f}
            </text>
          </g>
        ))}
        {weeks.map((w, i) =>
          i % labelEvery === 0 ? (
            <text key={w.week} x={x(i)} y={HEIGHT - 10} fontSize={11} textAnchor="middle" fill="#8c8c8c">
              {dayMonth(w.week)}
            </text>
          ) : null,
        )}
        {SERIES.map((s) => (
          <g key={s.key} data-series={s.key}>
            <polyline
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              points={weeks.map((w, i) => `${x(i)},${y(w[s.key])}`).join(' ')}
            />
            {weeks.map((w, i) => (
              <circle key={w.week} cx={x(i)} cy={y(w[s.key])} r={3} fill={s.color}>
                <title>{`Tuần từ ${dayMonth(w.week)}: ${s.label.toLowerCase()} ${w[s.key]}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <div style={{ display: 'flex', gap: 16, justifyContent: 'center', fontSize: 13 }}>
        {SERIES.map((s) => (
          <span key={s.key}>
            <span
              style={{
                display: 'inline-block',
                width: 12,
                height: 3,
                background: s.color,
                verticalAlign: 'middle',
                marginRight: 6,
              }}
            />
            {s.label}
          </span>
        ))}
      </div>
    </div>
  );
}
