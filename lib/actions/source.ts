import { capLine, LIMITS } from '../limits';
import { getDb, type LoopDatabase } from '../db/open';
import type { ActionSource } from '../db/types';
import { routeHash } from '../routes';

export type SourceKind = 'reflection' | 'resource';

/** `#actions?from=reflection:<id>`: the link other views use to start an action from a record. */
export function newActionHref(kind: SourceKind, id: string): string {
  return routeHash('actions', undefined, { from: `${kind}:${id}` });
}

export function parseFrom(value: string | undefined): { kind: SourceKind; id: string } | null {
  const match = /^(reflection|resource):(.+)$/.exec(value ?? '');
  return match ? { kind: match[1] as SourceKind, id: match[2]! } : null;
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
    return {
      source: { kind: 'resource', id: resource.id, title: capLine(resource.title, LIMITS.title) },
      ...(resource.takeaways ? { detail: resource.takeaways } : {}),
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
