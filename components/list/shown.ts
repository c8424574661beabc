import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * How much of a long list is drawn: a first page, and a page more each time the user asks. A
 * journal or an action list grows for years, and drawing all of it (25,000 answers at 100,000
 * resources) blocks the page for seconds; the user reads from the top.
 *
 * `resetKey` names the list being shown (a search's words): when it changes, the first page comes
 * back. `reveal(index)` draws at least up to `index` (a link to one entry far down the list).
 */
export function useShownCount(page: number, resetKey = '') {
  const [state, setState] = useState({ key: resetKey, count: page });
  const count = state.key === resetKey ? state.count : page;
  return {
    count,
    showMore: () => setState({ key: resetKey, count: count + page }),
    reveal: (index: number) => {
      if (index >= count) setState({ key: resetKey, count: (Math.floor(index / page) + 1) * page });
    },
  };
}

/**
 * Focus on an entry the user was taken to: the first one "Show more" drew (a keyboard user reads
 * on from there, as the page stays where it was), or the one a link named (scrolled to the middle).
 */
function takeFocus(element: HTMLElement | null, how: 'next' | 'linked'): void {
  if (!element) return;
  element.focus({ preventScroll: how === 'linked' });
  if (how !== 'linked') return;
  element.scrollIntoView?.({ block: 'center' });
  // Marked until the user moves on: the entry they came for stands out among its neighbours.
  element.classList.add('list-linked');
  element.addEventListener('blur', () => element.classList.remove('list-linked'), { once: true });
}

/** The entry that takes the focus once it is drawn, and how it came to be drawn. */
export interface ListFocus {
  id: string;
  how: 'next' | 'linked';
}

/**
 * A ref for an entry that takes the focus when `how` says so, then calls `onFocused` (the list
 * clears its target, so no later redraw moves the focus again).
 */
export function useFocusWhen<T extends HTMLElement>(how: ListFocus['how'] | null, onFocused: () => void) {
  const element = useRef<T>(null);
  useEffect(() => {
    if (!how) return;
    takeFocus(element.current, how);
    onFocused();
  }, [how]);
  return element;
}

/**
 * Which entry of a list takes the focus once it is drawn: the one a link names (`linked`, once
 * per link, as soon as the list holds it: `reveal` draws up to it), or the first one a "Show
 * more" drew. The target is cleared as it takes the focus, so no later redraw (an answer that
 * moves the entry, a delete above it) moves the focus again.
 */
export function useListFocus(linked: string, linkedFound: boolean, reveal: () => void) {
  const [focus, setFocus] = useState<ListFocus | null>(null);
  const followedLink = useRef('');
  useEffect(() => {
    if (!linkedFound || followedLink.current === linked) return;
    followedLink.current = linked;
    reveal();
    setFocus({ id: linked, how: 'linked' });
  }, [linked, linkedFound]);
  return {
    /** How the entry `id` takes the focus, or null when it is not the one. */
    of: (id: string): ListFocus['how'] | null => (focus?.id === id ? focus.how : null),
    /** Before a "Show more": the first entry it draws takes the focus. */
    next: (entry: { id: string } | undefined) => setFocus(entry ? { id: entry.id, how: 'next' } : null),
    clear: () => setFocus(null),
  };
}
