import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/** Why the toolbar icon wants attention. Persisted: the worker that set it may be gone. */
export type BadgeReason = 'prompt' | 'follow-up' | 'assessment' | 'backup';

const reasons = storage.defineItem<BadgeReason[]>('local:badgeReasons', { fallback: [] });

const BADGE_TEXT: Record<BadgeReason, string> = { prompt: '?', 'follow-up': '!', assessment: '?', backup: '!' };

// Features mark the badge concurrently (a prompt fires while follow-ups sync): each
// read-modify-write waits for the one before it, so no reason is lost.
let queue: Promise<void> = Promise.resolve();

export function markBadge(reason: BadgeReason, on: boolean): Promise<void> {
  const run = queue.then(async () => {
    const current = await reasons.getValue();
    const next = on ? [...new Set([...current, reason])] : current.filter((r) => r !== reason);
    await reasons.setValue(next);
    await renderBadge(next);
  });
  queue = run.catch(() => undefined);
  return run;
}

export async function badgeReasons(): Promise<BadgeReason[]> {
  return reasons.getValue();
}

/** The badge shows the most pressing reason: a due prompt first. */
export async function renderBadge(list?: BadgeReason[]): Promise<void> {
  const current = list ?? (await reasons.getValue());
  const order: BadgeReason[] = ['prompt', 'follow-up', 'assessment', 'backup'];
  const top = order.find((r) => current.includes(r));
  await browser.action.setBadgeText({ text: top ? BADGE_TEXT[top] : '' });
  if (top) await browser.action.setBadgeBackgroundColor({ color: '#1f6f5c' });
}
