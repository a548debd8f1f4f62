import type { StatsSeries } from '../api/mcmeta';

const COLOURS = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#c62828', '#00838f', '#5d4037'];

/** Counts over time, one line per group, as plain SVG (no chart library in the bundle). */
export function HistoryChart({ series }: { series: StatsSeries[] }) {
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.count)));
  const width = 640;
  const height = 200;
  const x = (period: string) =>
    periods.length < 2 ? width / 2 : (periods.indexOf(period) / (periods.length - 1)) * (width - 40) + 20;
  const y = (count: number) => height - 20 - (count / max) * (height - 40);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Catalog counts over time per provider">
        {series.map((s, i) => (
          <g key={s.key} stroke={COLOURS[i % COLOURS.length]} fill={COLOURS[i % COLOURS.length]}>
            <polyline
              fill="none"
              strokeWidth={2}
              points={s.points.map((p) => `${x(p.period)},${y(p.count)}`).join(' ')}
            />
            {s.points.map((p) => (
              <circle key={p.period} cx={x(p.period)} cy={y(p.count)} r={3}>
                <title>{`${s.key} ${p.period}: ${p.count}`}</title>
              </circle>
            ))}
          </g>
        ))}
        <text x={4} y={14} fontSize={11}>
          {max}
        </text>
        {periods.length === 1 ? (
          <text x={width / 2} y={height - 4} fontSize={11} textAnchor="middle">
            {periods[0]} (one day recorded so far)
          </text>
        ) : (
          <>
            <text x={4} y={height - 4} fontSize={11}>
              {periods[0]}
            </text>
            <text x={width - 4} y={height - 4} fontSize={11} textAnchor="end">
              {periods[periods.length - 1]}
            </text>
          </>
        )}
      </svg>
      <figcaption>
        {series.map((s, i) => (
          <span key={s.key} className="legend">
            <i style={{ background: COLOURS[i % COLOURS.length] }} />
            {s.key}: {s.points[s.points.length - 1]?.count ?? 0}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
