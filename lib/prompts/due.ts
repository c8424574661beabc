import type { DuePromptState } from '../settings';
import { promptText, type PromptCandidate } from './catalogue';

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
    ...(due.quote ? { quote: due.quote } : {}),
  };
}

/** The text to show: built-in and resource prompts in the current language, the user's own as written. */
export function askedText(prompt: AskedPrompt): string {
  return promptText(prompt) || prompt.text || '';
}
