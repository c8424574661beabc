import { browser } from 'wxt/browser';
import { markBadge } from '../background/badge';
import { addReflection } from '../db/reflections';
import type { Reflection } from '../db/types';
import { clearDraft } from '../popup/drafts';
import { duePrompt, type DuePromptState } from '../settings';
import { promptText, type PromptCandidate } from './catalogue';

export const PROMPT_NOTIFICATION_PREFIX = 'prompt:';

/** A prompt as a page holds it: what to ask, and about which resource. */
export type AskedPrompt = PromptCandidate & { text?: string };

export function dueToCandidate(due: DuePromptState): PromptCandidate {
  return {
    promptId: due.promptId,
    group: due.group as PromptCandidate['group'],
    kind: due.kind,
    text: due.text,
    ...(due.resourceId ? { resourceId: due.resourceId } : {}),
    ...(due.resourceTitle ? { resourceTitle: due.resourceTitle } : {}),
    ...(due.days !== undefined ? { days: due.days } : {}),
  };
}

/** The text to show: built-in and resource prompts in the current language, the user's own as written. */
export function askedText(prompt: AskedPrompt): string {
  return promptText(prompt) || prompt.text || '';
}

export async function clearPromptNotifications(): Promise<void> {
  const all = await browser.notifications.getAll();
  await Promise.all(Object.keys(all).filter((id) => id.startsWith(PROMPT_NOTIFICATION_PREFIX)).map((id) => browser.notifications.clear(id)));
}

function sameDue(due: DuePromptState | null, prompt: AskedPrompt): boolean {
  return !!due && due.promptId === prompt.promptId && (due.resourceId ?? '') === (prompt.resourceId ?? '');
}

/**
 * Nothing is due any more: the badge, the notification and the draft go. Called by whichever
 * page answered or skipped, so it works even while the background sleeps.
 */
export async function finishDuePrompt(): Promise<void> {
  await duePrompt.setValue(null);
  await clearDraft('', ['answer']);
  await Promise.all([markBadge('prompt', false), clearPromptNotifications().catch(() => undefined)]);
}

/** Store the answer; if it answers the due prompt, that prompt is done. */
export async function answerPrompt(prompt: AskedPrompt, answer: string, now = Date.now()): Promise<Reflection> {
  const reflection = await addReflection(
    {
      promptId: prompt.promptId,
      promptText: askedText(prompt),
      answer,
      ...(prompt.resourceId ? { resourceId: prompt.resourceId } : {}),
      ...(prompt.resourceTitle ? { resourceTitle: prompt.resourceTitle } : {}),
    },
    now,
  );
  if (sameDue(await duePrompt.getValue(), prompt)) await finishDuePrompt();
  return reflection;
}

/** One click: not now. The prompt stays in the rotation history, so it will not come right back. */
export async function skipDuePrompt(): Promise<void> {
  await finishDuePrompt();
}
