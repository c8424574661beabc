/** The figures as they are taken: rows of the table, entries of results.json, the log and n/a rows. */

// ---------------------------------------------------------------------------------- results

const rows = [];
export const figures = {};
export const notes = [];
export function log(...parts) {
  console.log(`[bench ${((performance.now() - T0) / 1000).toFixed(0).padStart(3)}s]`, ...parts);
}
const T0 = performance.now();

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const median =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  // p95 by nearest rank: with 7 runs it is the slowest run, never an interpolated flatterer.
  return {
    median,
    p95: at(0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    n: sorted.length,
    samples: samples.map((s) => Math.round(s * 10) / 10),
  };
}

/**
 * One row of the table. `target` is { max, on: 'median' | 'p95' | 'value', label } or null
 * (reported, no target). `value` rows (bundle sizes, ratios, counts) have one number.
 */
export function record(id, figure, unit, data, target = null, extra = {}) {
  const entry = typeof data === 'number' ? { value: data } : data;
  const checked = target ? (target.on === 'value' ? entry.value : entry[target.on]) : undefined;
  const pass = target ? checked <= target.max : null;
  figures[id] = { figure, unit, ...entry, ...(target ? { target: target.label, pass } : {}), ...extra };
  rows.push({
    id,
    figure,
    unit,
    median: entry.median ?? entry.value,
    p95: entry.p95,
    target: target?.label ?? '',
    pass,
  });
  log(
    `${figure}: ${fmt(entry.median ?? entry.value, unit)}${entry.p95 !== undefined ? ` (p95 ${fmt(entry.p95, unit)})` : ''}${target ? ` target ${target.label} → ${pass ? 'pass' : 'MISS'}` : ''}`,
  );
}
export function skip(id, figure, why, target = null) {
  figures[id] = { figure, na: why, ...(target ? { target: target.label } : {}) };
  rows.push({ id, figure, na: why, target: target?.label ?? '' });
  log(`${figure}: n/a: ${why}`);
}
export function fmt(v, unit) {
  if (v === undefined || v === null || Number.isNaN(v)) return '';
  if (unit === 'ms') return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`;
  if (unit === 'kB') return `${v.toFixed(1)} kB`;
  if (unit === 'MB') return `${v.toFixed(1)} MB`;
  if (unit === '×') return `${v.toFixed(2)}×`;
  if (unit === '%') return `${Math.round(v)} %`;
  return String(v);
}

export const ratioStats = (top, bottom) => stats(top.map((v, i) => v / bottom[i]));

export async function attempt(fn) {
  try {
    return await fn();
  } catch (error) {
    if (process.env.BENCH_DEBUG) console.error(error);
    const message = String(error?.message ?? error).split('\n')[0];
    return { na: `error: ${message}` };
  }
}

export function printTable(previous) {
  const prev = previous?.figures ?? {};
  const head = ['Figure', 'Median', 'p95', 'Target', 'Result', ...(previous ? ['Previous median'] : [])];
  const body = rows.map((r) => {
    const unit = figures[r.id]?.unit;
    const before = prev[r.id];
    const beforeText = before ? (before.na ? 'n/a' : fmt(before.median ?? before.value, before.unit)) : '';
    if (r.na) return [r.figure, `n/a: ${r.na}`, '', r.target, '', ...(previous ? [beforeText] : [])];
    return [
      r.figure,
      fmt(r.median, unit),
      r.p95 !== undefined ? fmt(r.p95, unit) : '',
      r.target,
      r.pass === null ? '' : r.pass ? 'pass' : 'MISS',
      ...(previous ? [beforeText] : []),
    ];
  });
  const table = [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  console.log(`\n${table}`);
}
