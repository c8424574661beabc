import { compareNewest, type ResourceRow } from './filter';

/** Below this many rows a comparison sort is as quick, and simpler. */
const RADIX_FROM = 1_024;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;
const LOW = 1 - HIGH;

/**
 * Rows mostly in order already (the kept copy's, newest first, with what changed since at its
 * end): the comparison sort runs through them in one pass and a few merges, quicker than four
 * radix passes. Random order gives up after a few dozen comparisons.
 */
function nearlySorted(rows: readonly ResourceRow[]): boolean {
  const allowed = rows.length >> 6;
  let descents = 0;
  let newer = rows[0]!.createdAt;
  for (let i = 1; i < rows.length; i++) {
    const time = rows[i]!.createdAt;
    if (time > newer && ++descents > allowed) return false;
    newer = time;
  }
  return true;
}

/**
 * The rows in `compareNewest`'s order (newest first, equal times by id), sorted by the bits of
 * their times instead of by comparisons. Rows read in the database's id order are in no order of
 * time: at 100,000, `sort(compareNewest)` was one task of 80–120 ms when the library became
 * searchable (a first visit, an import, the daily check of the kept rows); this takes about 45.
 */
export function sortNewest(rows: readonly ResourceRow[], radixFrom = RADIX_FROM): ResourceRow[] {
  const count = rows.length;
  if (count < Math.max(radixFrom, 2) || nearlySorted(rows)) return rows.slice().sort(compareNewest);
  // Each time as two unsigned 32-bit halves whose order is the times' order, turned around so
  // that ascending is newest first. IEEE 754: a positive number's bits order like the number
  // once its sign bit is set; a negative one's once every bit is flipped.
  const time = new Float64Array(1);
  const halves = new Uint32Array(time.buffer);
  const high = new Uint32Array(count);
  const low = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    // +0 for -0: compareNewest holds them equal.
    time[0] = rows[i]!.createdAt + 0;
    let hi = halves[HIGH]!;
    let lo = halves[LOW]!;
    if (hi & 0x80000000) {
      hi = ~hi;
      lo = ~lo;
    } else hi ^= 0x80000000;
    high[i] = ~hi >>> 0;
    low[i] = ~lo >>> 0;
  }
  // Least significant digit first, 16 bits at a time; each pass keeps the order of equal digits.
  let order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let spare = new Uint32Array(count);
  const counts = new Uint32Array(65_537);
  for (const [keys, shift] of [
    [low, 0],
    [low, 16],
    [high, 0],
    [high, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < count; i++) counts[((keys[i]! >>> shift) & 0xffff) + 1]!++;
    // Every row has the same digit (times in one range): this pass would not move anything.
    if (counts[((keys[0]! >>> shift) & 0xffff) + 1] === count) continue;
    for (let d = 1; d <= 65_536; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < count; i++) {
      const row = order[i]!;
      spare[counts[(keys[row]! >>> shift) & 0xffff]!++] = row;
    }
    [order, spare] = [spare, order];
  }
  const sorted: ResourceRow[] = new Array(count);
  for (let i = 0; i < count; i++) sorted[i] = rows[order[i]!]!;
  // Rows of one time stay in the order they came: put them in id order, as compareNewest does.
  for (let start = 0; start < count; ) {
    let end = start + 1;
    while (end < count && high[order[end]!] === high[order[start]!] && low[order[end]!] === low[order[start]!]) end++;
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(compareNewest);
      for (let i = 0; i < run.length; i++) sorted[start + i] = run[i]!;
    }
    start = end;
  }
  return sorted;
}
