import { browser } from 'wxt/browser';
import { type MessageKey, t } from '../i18n';
import { serialQueue } from '../infra/serial';
import { languageReady } from './language';
import { capLine, LIMITS } from '../infra/limits';
import { type BadgeReason, badgeReasons, type BadgeWords, badgeWords } from '../settings';
import { CLIP_CONFIRMED_ALARM } from './names';

export type { BadgeReason } from '../settings';

const BADGE_TEXT: Record<BadgeReason, string> = {
  clipped: '✓',
  prompt: '?',
  review: '?',
  'follow-up': '!',
  assessment: '?',
  backup: '!',
};
// A clip's confirmation lasts a minute, so it goes first; then a due prompt.
const ORDER: BadgeReason[] = ['clipped', 'prompt', 'review', 'follow-up', 'assessment', 'backup'];

// Only the background writes the badge, and features mark it concurrently (a prompt fires while
// follow-ups re-plan): each read-modify-write waits for the one before it, so no reason is lost.
const serially = serialQueue();

/**
 * `words` names what waits (the question's text, the action's), for the popup's strip: stored cut
 * to its first words beside the reason, and gone with it. The words go first, so a popup reading
 * between the two writes finds a reason with no words (it names the kind) rather than stale ones.
 */
export function markBadge(reason: BadgeReason, on: boolean, words?: string): Promise<void> {
  return serially(async () => {
    const current = await badgeReasons.getValue();
    const next = on ? [...new Set([...current, reason])] : current.filter((r) => r !== reason);
    if (reason === 'prompt' || reason === 'follow-up') await storeWords(reason, on ? words : undefined);
    if (next.length !== current.length) await badgeReasons.setValue(next);
    await renderBadge(next);
  });
}

async function storeWords(reason: keyof BadgeWords, words: string | undefined): Promise<void> {
  const current = await badgeWords.getValue();
  const text = capLine(words, LIMITS.waitingWords);
  if ((current[reason] ?? '') === text) return;
  const next: BadgeWords = { ...current };
  if (text) next[reason] = text;
  else delete next[reason];
  await badgeWords.setValue(next);
}

/** What the toolbar button's tooltip says while the badge shows a reason. */
const BADGE_TITLE: Record<Exclude<BadgeReason, 'clipped'>, MessageKey> = {
  prompt: 'actionTitlePrompt',
  review: 'actionTitleReview',
  'follow-up': 'actionTitleFollowUp',
  assessment: 'actionTitleAssessment',
  backup: 'actionTitleBackup',
};

/**
 * The badge shows the most pressing reason (a due prompt first), and the tooltip says in words
 * what is waiting. A clip's or quote's confirmation sets its own tooltip for its minute.
 */
export async function renderBadge(list?: BadgeReason[]): Promise<void> {
  const current = list ?? (await badgeReasons.getValue());
  const top = ORDER.find((r) => current.includes(r));
  await browser.action.setBadgeText({ text: top ? BADGE_TEXT[top] : '' });
  if (top) await browser.action.setBadgeBackgroundColor({ color: '#1f6f5c' });
  if (top === 'clipped') return;
  await languageReady();
  await browser.action.setTitle({ title: top ? `${t('extName')}: ${t(BADGE_TITLE[top])}` : t('actionTitle') });
}

/** How long the toolbar button says a clip was made. */
const CONFIRM_MINUTES = 1;

/** The toolbar button says "✓" and, on hover, what was kept (a clip, a quote), for a minute. */
export async function confirmOnButton(text: string): Promise<void> {
  await markBadge('clipped', true);
  await browser.action.setTitle({ title: `${t('extName')}: ${text}` });
  await browser.alarms.create(CLIP_CONFIRMED_ALARM, { delayInMinutes: CONFIRM_MINUTES });
}

/** The badge and tooltip go back to what is waiting, if anything (renderBadge). */
export async function endConfirmation(): Promise<void> {
  await markBadge('clipped', false);
}
