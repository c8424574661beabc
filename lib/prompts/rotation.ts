import { promptKey, type PromptCandidate } from './catalogue';

/** A prompt asked or answered at `at`. */
export interface PromptUse {
  promptId: string;
  resourceId?: string;
  group: string;
  at: number;
}

export interface RotationOptions {
  /** A prompt used within this many days is not asked again while others are left. */
  recentDays?: number;
  /** The next prompt comes from none of this many most recently used groups (fewer when there are few groups). */
  recentGroups?: number;
  /** Injected for tests; Math.random otherwise. */
  random?: () => number;
}

const DAY = 86_400_000;

function pickOne<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))]!;
}

/**
 * The next prompt: never one used in the last `recentDays` while another is left (else the one
 * used longest ago), from a group other than the last few used, with every group as likely as
 * another (a group with many prompts does not crowd out one with few). Pure: the caller passes
 * what was asked and answered, the clock and the dice.
 */
export function pickPrompt(
  candidates: readonly PromptCandidate[],
  history: readonly PromptUse[],
  now: number,
  options: RotationOptions = {},
): PromptCandidate | null {
  if (!candidates.length) return null;
  const { recentDays = 14, recentGroups = 3, random = Math.random } = options;

  const lastUsed = new Map<string, number>();
  const groupUsed = new Map<string, number>();
  for (const use of history) {
    const key = promptKey(use);
    lastUsed.set(key, Math.max(lastUsed.get(key) ?? -Infinity, use.at));
    groupUsed.set(use.group, Math.max(groupUsed.get(use.group) ?? -Infinity, use.at));
  }
  const used = (c: PromptCandidate) => lastUsed.get(promptKey(c)) ?? -Infinity;

  let pool = candidates.filter((c) => now - used(c) > recentDays * DAY);
  if (!pool.length) {
    const oldest = Math.min(...candidates.map(used));
    pool = candidates.filter((c) => used(c) === oldest);
  }

  const groups = [...new Set(pool.map((c) => c.group))];
  const skip = Math.min(recentGroups, groups.length - 1);
  const byRecency = [...groups].sort((a, b) => (groupUsed.get(b) ?? -Infinity) - (groupUsed.get(a) ?? -Infinity));
  const recent = new Set(byRecency.filter((g) => groupUsed.has(g)).slice(0, skip));
  const open = groups.filter((g) => !recent.has(g));
  const group = pickOne(open.length ? open : groups, random);
  return pickOne(
    pool.filter((c) => c.group === group),
    random,
  );
}
