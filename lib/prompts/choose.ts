import type { CustomPrompt } from '../model/prompt';
import type { Reflection } from '../model/reflection';
import type { Resource } from '../model/resource';
import { disabledBuiltInPrompts, promptHistory } from '../settings';
import {
  BUILT_IN_PROMPTS,
  builtInCandidates,
  customCandidates,
  LEARNED_RECENTLY_DAYS,
  QUEUED_AT_MOST_DAYS,
  QUEUED_FOR_DAYS,
  FREE_WRITING_ID,
  promptKey,
  resourceCandidates,
  type PromptCandidate,
} from './catalogue';
import { pickPrompt, type PromptUse } from './rotation';

const DAY = 86_400_000;
/** How far back answers count for rotation. */
const HISTORY_DAYS = 60;
const SCAN_LIMIT = 500;

/** What choosing reads (lib/db's prompts, reflections and prompt-resources; lib/app/prompt-reads.ts wires them). */
export interface PromptReads {
  customPrompts(): Promise<CustomPrompt[]>;
  /** Reflections written at or after `since`, newest first. */
  reflectionsSince(since: number): Promise<Reflection[]>;
  /** Up to `limit` resources updated since `since`, newest first: those `keep` takes. */
  updatedSince(since: number, limit: number, keep: (resource: Resource) => boolean): Promise<Resource[]>;
  /** Up to `limit` resources created from `from` to `to` (both included), oldest first: those `keep` takes. */
  createdBetween(from: number, to: number, limit: number, keep: (resource: Resource) => boolean): Promise<Resource[]>;
}

/** Resources a prompt could be about: learned recently, or saved days ago and still queued. */
export async function resourcesForPrompts(
  now: number,
  read: Pick<PromptReads, 'updatedSince' | 'createdBetween'>,
): Promise<Resource[]> {
  // Marking learned bumps updatedAt, so the recently learned are among the recently updated.
  const recent = await read.updatedSince(
    now - LEARNED_RECENTLY_DAYS * DAY,
    SCAN_LIMIT,
    (resource) => resource.status === 'learned' || !!resource.quotes?.length || resource.kind === 'activity',
  );
  const queued = await read.createdBetween(
    now - QUEUED_AT_MOST_DAYS * DAY,
    now - QUEUED_FOR_DAYS * DAY,
    SCAN_LIMIT,
    (resource) => resource.status === 'queued' && !recent.some((r) => r.id === resource.id),
  );
  return [...recent, ...queued];
}

export function groupOf(promptId: string, customs: readonly CustomPrompt[], resourceId?: string): string {
  if (resourceId) return 'resources';
  return (
    BUILT_IN_PROMPTS.find((p) => p.id === promptId)?.group ?? customs.find((p) => p.id === promptId)?.group ?? 'own'
  );
}

export interface PromptSources {
  disabled: string[];
  customs: CustomPrompt[];
  resources: Resource[];
  history: PromptUse[];
}

/** Everything rotation needs, read from settings and the database. */
export async function loadPromptSources(now: number, read: PromptReads): Promise<PromptSources> {
  const [disabled, customs, resources, answered, shown] = await Promise.all([
    disabledBuiltInPrompts.getValue(),
    read.customPrompts(),
    resourcesForPrompts(now, read),
    read.reflectionsSince(now - HISTORY_DAYS * DAY),
    promptHistory.getValue(),
  ]);
  const history: PromptUse[] = [
    ...shown,
    // Free writing answers no prompt: it says nothing about which questions were asked lately.
    ...answered
      .filter((r) => r.promptId !== FREE_WRITING_ID)
      .map((r) => ({
        promptId: r.promptId,
        ...(r.resourceId ? { resourceId: r.resourceId } : {}),
        group: groupOf(r.promptId, customs, r.resourceId),
        at: r.createdAt,
      })),
  ];
  return { disabled, customs, resources, history };
}

export function candidatesFrom(
  sources: Pick<PromptSources, 'disabled' | 'customs' | 'resources'>,
  now: number,
): PromptCandidate[] {
  return [
    ...builtInCandidates(sources.disabled),
    ...customCandidates(sources.customs),
    ...resourceCandidates(sources.resources, now),
  ];
}

/**
 * The next prompt to ask, or null when the user turned every prompt off. `passedOver` (keys of
 * `promptKey`) are the questions the user asked to replace ("Another question"), the newest last:
 * none of them comes back until every other was offered, then the oldest first again, never the
 * newest (null when it is the only one).
 */
export async function choosePrompt(
  read: PromptReads,
  now = Date.now(),
  random: () => number = Math.random,
  passedOver: readonly string[] = [],
): Promise<PromptCandidate | null> {
  const sources = await loadPromptSources(now, read);
  const candidates = candidatesFrom(sources, now);
  if (!passedOver.length) return pickPrompt(candidates, sources.history, now, { random });
  const fresh = candidates.filter((c) => !passedOver.includes(promptKey(c)));
  if (fresh.length) return pickPrompt(fresh, sources.history, now, { random });
  const newest = passedOver[passedOver.length - 1];
  for (const key of passedOver) {
    const again = key !== newest && candidates.find((c) => promptKey(c) === key);
    if (again) return again;
  }
  return null;
}

/** Remember what was shown (newest last, a bounded list). */
export async function recordShown(prompt: PromptCandidate, at: number): Promise<void> {
  const list = await promptHistory.getValue();
  const entry = {
    promptId: prompt.promptId,
    ...(prompt.resourceId ? { resourceId: prompt.resourceId } : {}),
    group: prompt.group,
    at,
  };
  await promptHistory.setValue([...list, entry].slice(-50));
}
