import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/** Chrome 123+ sizes a textarea to its text by CSS (`field-sizing: content`); Firefox does not yet. */
const sizedByCss = () =>
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/**
 * A note shown whole: the textarea grows with its text, so nothing is cut off mid-word. Where the
 * browser cannot do it by CSS, the box takes its content's height after each change.
 */
export function useGrowing(ref: RefObject<HTMLTextAreaElement>, value: string): void {
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box || sizedByCss()) return;
    box.style.height = 'auto';
    if (box.scrollHeight > 0) box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
  }, [ref, value]);
}
