import { getDb, type LoopDatabase } from '../db/open';
import { listCustomPrompts } from '../db/prompts';
import { reflectionsSince } from '../db/reflections';
import type { CustomPrompt } from '../model/prompt';
import type { Resource } from '../model/resource';
import { disabledBuiltInPrompts, promptHistory } from '../settings';
import {
  BUILT_IN_PROMPTS,
  builtInCandidates,
  customCandidates,
  LEARNED_RECENTLY_DAYS,
  QUEUED_AT_MOST_DAYS,
  QUEUED_FOR_DAYS,
  resourceCandidates,
  type PromptCandidate,
} from './catalogue';
import { pickPrompt, type PromptUse } from './rotation';

const DAY = 86_400_000;
/** How far back answers count for rotation. */
const HISTORY_DAYS = 60;
const SCAN_LIMIT = 500;

/** Resources a prompt could be about: learned recently, or saved days ago and still queued. */
export async function resourcesForPrompts(now: number, db?: LoopDatabase): Promise<Resource[]> {
  const database = db ?? (await getDb());
  const out: Resource[] = [];
  // Marking learned bumps updatedAt, so the recently learned are among the recently updated.
  let cursor = await database
    .transaction('resources')
    .store.index('updatedAt')
    .openCursor(IDBKeyRange.lowerBound(now - LEARNED_RECENTLY_DAYS * DAY), 'prev');
  for (let seen = 0; cursor && seen < SCAN_LIMIT; seen++) {
    if (cursor.value.status === 'learned' || cursor.value.quotes?.length || cursor.value.kind === 'activity')
      out.push(cursor.value);
    cursor = await cursor.continue();
  }
  const range = IDBKeyRange.bound(now - QUEUED_AT_MOST_DAYS * DAY, now - QUEUED_FOR_DAYS * DAY);
  let queued = await database.transaction('resources').store.index('createdAt').openCursor(range);
  for (let seen = 0; queued && seen < SCAN_LIMIT; seen++) {
    if (queued.value.status === 'queued' && !out.some((r) => r.id === queued?.value.id)) out.push(queued.value);
    queued = await queued.continue();
  }
  return out;
}

/** Up to `limit` resources still to learn, for the micro-learning nudge. */
export async function queuedResources(limit = 300, db?: LoopDatabase): Promise<Resource[]> {
  return (db ?? (await getDb())).getAllFromIndex('resources', 'status', 'queued', limit);
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
export async function loadPromptSources(now: number, db?: LoopDatabase): Promise<PromptSources> {
  const database = db ?? (await getDb());
  const [disabled, customs, resources, answered, shown] = await Promise.all([
    disabledBuiltInPrompts.getValue(),
    listCustomPrompts(database),
    resourcesForPrompts(now, database),
    reflectionsSince(now - HISTORY_DAYS * DAY, database),
    promptHistory.getValue(),
  ]);
  const history: PromptUse[] = [
    ...shown,
    ...answered.map((r) => ({
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

/** The next prompt to ask, or null when the user turned every prompt off. */
export async function choosePrompt(
  now = Date.now(),
  random: () => number = Math.random,
  db?: LoopDatabase,
): Promise<PromptCandidate | null> {
  const sources = await loadPromptSources(now, db);
  return pickPrompt(candidatesFrom(sources, now), sources.history, now, { random });
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
