import { formatDate, t } from '@/lib/i18n';
import type { TrendPoint } from '@/lib/assessment/trends';

const W = 260;
const H = 112;
/** Room for the scale's labels on the left, and inset so the first and last points clear the edges. */
const AXIS = 20;
const INSET = 16;
const RIGHT = 10;
const TOP = 18;
const BOTTOM = 22;

/** "Felt need to change: 2 on 3 Jan 2025, 4 on 3 Feb 2025": the chart as a sentence. */
export function trendDescription(name: string, points: readonly TrendPoint[]): string {
  if (!points.length) return t('trendNoData', name);
  return t('trendDescription', name, points.map((p) => t('trendPoint', p.score, formatDate(p.at))).join(', '));
}

/**
 * One condition's scores over time. Readable without colour: every point is a marker with its
 * score written above it, the scale is labelled, and the whole chart has a text alternative.
 */
export function TrendChart({ name, points }: { name: string; points: readonly TrendPoint[] }) {
  const plotLeft = AXIS + INSET;
  const plotW = W - plotLeft - RIGHT - INSET;
  const plotH = H - TOP - BOTTOM;
  const x = (i: number) => plotLeft + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (score: number) => TOP + ((5 - score) / 4) * plotH;
  const label = trendDescription(name, points);
  const first = points[0];
  const last = points[points.length - 1];
  const short = (time: number) => formatDate(time, { month: 'short', year: 'numeric' });
  return (
    <svg class="trend-chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
      <title>{label}</title>
      {[1, 3, 5].map((score) => (
        <g key={score} class="trend-grid">
          <line x1={AXIS} x2={W - RIGHT} y1={y(score)} y2={y(score)} />
          <text x={AXIS - 6} y={y(score) + 4} text-anchor="end">
            {score}
          </text>
        </g>
      ))}
      {points.length > 1 && (
        <polyline class="trend-line" points={points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')} />
      )}
      {points.map((p, i) => (
        <g key={p.at} class="trend-point">
          <circle cx={x(i)} cy={y(p.score)} r={4} />
          <text x={x(i)} y={y(p.score) - 8} text-anchor="middle">
            {p.score}
          </text>
        </g>
      ))}
      {first && (
        <text class="trend-date" x={x(0)} y={H - 4} text-anchor={points.length > 1 ? 'start' : 'middle'}>
          {short(first.at)}
        </text>
      )}
      {last && points.length > 1 && (
        <text class="trend-date" x={x(points.length - 1)} y={H - 4} text-anchor="end">
          {short(last.at)}
        </text>
      )}
    </svg>
  );
}
