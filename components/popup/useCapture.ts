import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type CaptureState, captureState, followCapture, subscribeCapture } from '@/lib/app/capture-flow';

/**
 * The popup's capture (lib/app/capture-flow.ts), followed by the card. It subscribes and takes
 * the tab's answers in a layout effect, as the card first renders: a plain effect runs a frame
 * later, after the tab's answer most times, and Save this page waited for it (19 ms from the
 * popup's script starting to Save usable, 15 ms with this; medians of 30 loads).
 */
export function useCapture(): CaptureState {
  const [state, setState] = useState(captureState);
  useLayoutEffect(() => {
    const stop = subscribeCapture(() => setState(captureState()));
    setState(captureState());
    followCapture();
    return stop;
  }, []);
  return state;
}

/** The card's actions that can take the first focus. */
export interface FocusTargets {
  save: RefObject<HTMLButtonElement>;
  quote: RefObject<HTMLButtonElement>;
  log: RefObject<HTMLButtonElement>;
  open: RefObject<HTMLAnchorElement>;
}

/**
 * First focus, on the page's primary action once it can be pressed: Save as quote when text is
 * selected; on a saved video the clip note (ClipBox takes it); on a page not saved yet Save this
 * page; where nothing can be saved, Log learning. Never away from where the user already is.
 * Focus waits for the read: a selection found there makes Save as quote the primary action.
 */
export function useFirstFocus(autoFocus: boolean, { capture, saved }: CaptureState, videoTakesFocus: boolean) {
  const targets: FocusTargets = {
    save: useRef<HTMLButtonElement>(null),
    quote: useRef<HTMLButtonElement>(null),
    log: useRef<HTMLButtonElement>(null),
    open: useRef<HTMLAnchorElement>(null),
  };
  const page = capture.phase === 'ready' ? capture.page : null;
  const beforeReading = capture.phase === 'ready' && capture.beforeReading === true;
  const nothingFocused = () => document.activeElement === document.body || document.activeElement === null;
  useEffect(() => {
    if (!autoFocus || !nothingFocused() || beforeReading) return;
    if (capture.phase === 'unsavable') targets.log.current?.focus();
    else if (page && !videoTakesFocus)
      (page.selection ? targets.quote : saved ? targets.open : targets.save).current?.focus();
  }, [capture.phase, beforeReading, videoTakesFocus, saved !== null]);
  return targets;
}
