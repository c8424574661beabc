import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ResourceRow } from '@/lib/library/filter';
import { keyTarget, visibleRange, type WindowRange } from '@/lib/library/windowing';
import { dateFormatter, ResourceRowView } from './ResourceRow';

/** Every row has the same height, so a list of 100,000 renders only the few dozen in view. */
export const ROW_HEIGHT = 104;

interface Props {
  rows: readonly ResourceRow[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  thumbnails: boolean;
  labelledBy: string;
  /** Still searching or reading: the rows shown are the previous ones. */
  busy?: boolean;
  /** The search's folded terms: a row found by a quote shows that quote. */
  terms?: readonly string[];
}

function sameRange(a: WindowRange, b: WindowRange): boolean {
  return a.start === b.start && a.end === b.end;
}

export function ResourceList({ rows, selected, onToggle, thumbnails, labelledBy, busy = false, terms = [] }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const [range, setRange] = useState<WindowRange>(() => visibleRange(0, innerHeight, ROW_HEIGHT, rows.length));
  const pendingFocus = useRef<{ index: number; selector: string } | null>(null);
  const count = rows.length;

  const countRef = useRef(count);
  countRef.current = count;
  const measure = useRef(() => {
    const element = list.current;
    if (!element) return;
    const next = visibleRange(-element.getBoundingClientRect().top, innerHeight, ROW_HEIGHT, countRef.current);
    setRange((current) => (sameRange(current, next) ? current : next));
  });

  // Follow the page's scroll: the list scrolls with the page, not in a box of its own.
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          measure.current();
        });
    };
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule);
    return () => {
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
  useEffect(() => measure.current(), [count]);

  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted || !list.current) return;
    const row = list.current.querySelector<HTMLElement>(`[data-index="${wanted.index}"]`);
    const target = row?.querySelector<HTMLElement>(wanted.selector) ?? row?.querySelector<HTMLElement>('.res-title');
    if (target) {
      pendingFocus.current = null;
      target.focus({ preventScroll: true });
    }
  });

  // Arrow keys, Page Up/Down, Home and End move between rows, scrolling rows into being.
  const onKeyDown = (event: KeyboardEvent) => {
    const from = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!from || !list.current || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as HTMLElement).tagName === 'INPUT' && event.key !== 'ArrowDown' && event.key !== 'ArrowUp')
      return;
    const pageRows = Math.max(1, Math.floor(innerHeight / ROW_HEIGHT) - 1);
    const index = keyTarget(event.key, Number(from.dataset.index), count, pageRows);
    if (index === undefined) return;
    event.preventDefault();
    const selector = (event.target as HTMLElement).tagName === 'INPUT' ? 'input[type=checkbox]' : '.res-title';
    pendingFocus.current = { index, selector };
    const listTop = list.current.getBoundingClientRect().top + scrollY;
    const rowTop = listTop + index * ROW_HEIGHT;
    const margin = 120;
    if (rowTop < scrollY + margin) scrollTo({ top: rowTop - margin });
    else if (rowTop + ROW_HEIGHT > scrollY + innerHeight) scrollTo({ top: rowTop + ROW_HEIGHT - innerHeight + 8 });
    const next = visibleRange(scrollY - listTop, innerHeight, ROW_HEIGHT, count);
    if (sameRange(next, range)) {
      // Already rendered: focus now.
      const row = list.current.querySelector<HTMLElement>(`[data-index="${index}"]`);
      (row?.querySelector<HTMLElement>(selector) ?? row?.querySelector<HTMLElement>('.res-title'))?.focus({
        preventScroll: true,
      });
      pendingFocus.current = null;
    } else {
      setRange(next);
    }
  };

  const formatDate = dateFormatter();
  const start = Math.min(range.start, count);
  const end = Math.min(Math.max(range.end, start), count);
  const visible = rows.slice(start, end);

  return (
    <ul
      ref={list}
      class="res-list"
      style={{ height: `${count * ROW_HEIGHT}px` }}
      aria-labelledby={labelledBy}
      aria-busy={busy}
      onKeyDown={onKeyDown}
    >
      {visible.map((row, offset) => {
        const index = start + offset;
        return (
          <ResourceRowView
            key={row.id}
            row={row}
            index={index}
            setSize={count}
            top={index * ROW_HEIGHT}
            selected={selected.has(row.id)}
            onToggle={onToggle}
            thumbnails={thumbnails}
            formatDate={formatDate}
            terms={terms}
          />
        );
      })}
    </ul>
  );
}
