import { scanCreatedBetween, scanUpdatedSince } from '../db/prompt-resources';
import { listCustomPrompts } from '../db/prompts';
import { reflectionsSince } from '../db/reflections';
import type { PromptCandidate } from '../prompts/catalogue';
import { choosePrompt as chooseFrom, type PromptReads } from '../prompts/choose';

/*
 * What choosing a prompt reads, for the journal and the background's due slot (which loads this
 * only when a prompt is due). Apart from prompts.ts, whose commands neither needs.
 */

export { queuedResources } from '../db/prompt-resources';

const reads: PromptReads = {
  customPrompts: () => listCustomPrompts(),
  reflectionsSince: (since) => reflectionsSince(since),
  updatedSince: (since, limit, keep) => scanUpdatedSince(since, limit, keep),
  createdBetween: (from, to, limit, keep) => scanCreatedBetween(from, to, limit, keep),
};

/** The next prompt to ask (none of `passedOver` while others remain), or null when every prompt is off. */
export function choosePrompt(
  now = Date.now(),
  random: () => number = Math.random,
  passedOver: readonly string[] = [],
): Promise<PromptCandidate | null> {
  return chooseFrom(reads, now, random, passedOver);
}
