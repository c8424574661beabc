import { browser } from 'wxt/browser';
import { capLine, LIMITS } from '../infra/limits';

/**
 * What waits for the user, as the popup's strip names it: read from the badge's own storage items
 * (its reasons and their words, written by the background alone, lib/background/badge.ts) in one
 * storage read, without the settings module and its schemas, which the popup's first render does
 * not load. A test keeps these keys equal to the items' in lib/settings.ts.
 */
export const WAITING_KEYS = { reasons: 'badgeReasons', words: 'badgeWords' } as const;

/** What the strip can open in place; the badge's other reasons (a clip's ✓, the backup) are not questions. */
export type WaitKind = 'prompt' | 'review' | 'follow-up' | 'assessment';
/** The badge's order: what it shows first, the strip names first. */
export const WAIT_ORDER: readonly WaitKind[] = ['prompt', 'review', 'follow-up', 'assessment'];

export interface Waiting {
  /** In `WAIT_ORDER`; empty when nothing waits. */
  kinds: WaitKind[];
  /** The question's or the action's first words, when the background stored them. */
  words: Partial<Record<WaitKind, string>>;
}

export const NOTHING_WAITS: Waiting = { kinds: [], words: {} };

/** Stored values checked and bounded: storage another version wrote reads as nothing waiting. */
export function waitingFrom(stored: Readonly<Record<string, unknown>>): Waiting {
  const reasons = stored[WAITING_KEYS.reasons];
  const list = Array.isArray(reasons) ? reasons : [];
  const kinds = WAIT_ORDER.filter((kind) => list.includes(kind));
  const rawWords = stored[WAITING_KEYS.words];
  const words: Waiting['words'] = {};
  if (rawWords && typeof rawWords === 'object')
    for (const kind of kinds) {
      const text = capLine((rawWords as Record<string, unknown>)[kind], LIMITS.waitingWords);
      if (text) words[kind] = text;
    }
  return { kinds, words };
}

export async function readWaiting(): Promise<Waiting> {
  try {
    return waitingFrom(await browser.storage.local.get([WAITING_KEYS.reasons, WAITING_KEYS.words]));
  } catch {
    return NOTHING_WAITS;
  }
}

/** Follows the badge while the popup is open (a prompt coming due, one answered in another window). */
export function watchWaiting(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>) => {
    if (WAITING_KEYS.reasons in changes || WAITING_KEYS.words in changes) onChange();
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}
