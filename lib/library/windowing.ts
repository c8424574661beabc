export interface WindowRange {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

/**
 * Which rows of a list of fixed-height rows to render. `top` is where the viewport starts,
 * measured from the top of the list (negative while the list is below the fold).
 */
export function visibleRange(
  top: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): WindowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, top) / rowHeight);
  const last = Math.ceil(Math.max(0, top + viewportHeight) / rowHeight);
  const start = Math.max(0, Math.min(count, first) - overscan);
  const end = Math.min(count, Math.max(start, last) + overscan);
  return { start, end };
}

/** The row index a key moves to in a list of `count` rows, or undefined for other keys. */
export function keyTarget(key: string, current: number, count: number, pageRows: number): number | undefined {
  if (count <= 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'PageDown':
      return Math.min(count - 1, current + pageRows);
    case 'PageUp':
      return Math.max(0, current - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
