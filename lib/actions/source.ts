import { formatClock } from '../clips/time';
import { capLine, LIMITS } from '../limits';
import { getDb, type LoopDatabase } from '../db/open';
import type { ActionSource } from '../db/types';
import { routeHash } from '../routes';

export type SourceKind = 'reflection' | 'resource';

/**
 * `#actions?from=reflection:<id>`: the link other views use to start an action from a record;
 * `clip` or `quote` starts it from one clip or quote of a resource (the source is the resource).
 */
export function newActionHref(kind: SourceKind, id: string, clipId?: string, quoteId?: string): string {
  const part = clipId ? `#clip:${clipId}` : quoteId ? `#quote:${quoteId}` : '';
  return routeHash('actions', undefined, { from: `${kind}:${id}${part}` });
}

export function parseFrom(
  value: string | undefined,
): { kind: SourceKind; id: string; clipId?: string; quoteId?: string } | null {
  const match = /^(reflection|resource):(.+?)(?:#(clip|quote):(.+))?$/.exec(value ?? '');
  if (!match) return null;
  const part = match[4] ? { [match[3] === 'clip' ? 'clipId' : 'quoteId']: match[4] } : {};
  return { kind: match[1] as SourceKind, id: match[2]!, ...part };
}

const EXCERPT = 160;

export interface LoadedSource {
  source: ActionSource;
  /** Longer text to show while writing the action (the reflection's prompt and answer). */
  detail?: string;
}

/** Reads the record an action starts from, so the action can keep its title if it is deleted. */
export async function loadSource(from: string | undefined, db?: LoopDatabase): Promise<LoadedSource | null> {
  const parsed = parseFrom(from);
  if (!parsed) return null;
  const database = db ?? (await getDb());
  if (parsed.kind === 'resource') {
    const resource = await database.get('resources', parsed.id);
    if (!resource) return null;
    const clip = parsed.clipId ? resource.clips.find((c) => c.id === parsed.clipId) : undefined;
    const quote = parsed.quoteId ? resource.quotes?.find((q) => q.id === parsed.quoteId) : undefined;
    // From a clip or a quote: what was noted there is what the action follows up.
    const detail = clip
      ? [formatClock(clip.atSec), clip.chapter, clip.note].filter(Boolean).join(' · ')
      : quote
        ? [`“${quote.exact}”`, quote.note].filter(Boolean).join(' · ')
        : resource.takeaways;
    return {
      source: { kind: 'resource', id: resource.id, title: capLine(resource.title, LIMITS.title) },
      ...(detail ? { detail } : {}),
    };
  }
  const reflection = await database.get('reflections', parsed.id);
  if (!reflection) return null;
  const title = capLine(reflection.answer, EXCERPT) || capLine(reflection.promptText, EXCERPT);
  return {
    source: { kind: 'reflection', id: reflection.id, title },
    detail: `${reflection.promptText}\n${reflection.answer}`.trim(),
  };
}

/** Which of the actions' sources still exist (one read per distinct source; actions are few). */
export async function existingSources(sources: readonly ActionSource[], db?: LoopDatabase): Promise<Set<string>> {
  const database = db ?? (await getDb());
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const source of sources) {
    if (source.kind === 'none' || !source.id) continue;
    const key = `${source.kind}:${source.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found =
      source.kind === 'resource'
        ? await database.get('resources', source.id)
        : await database.get('reflections', source.id);
    if (found) out.add(key);
  }
  return out;
}

export function sourceKey(source: ActionSource): string {
  return `${source.kind}:${source.id ?? ''}`;
}
