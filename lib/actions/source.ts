import { formatClock } from '../infra/video-time';
import { capLine, LIMITS } from '../infra/limits';
import type { ActionSource } from '../model/action';
import type { Reflection } from '../model/reflection';
import type { ItemKind, Resource } from '../model/resource';
import { takeawaysText } from '../model/takeaway-text';
import { formatQuoteLocation } from '../quotes/location';
import { routeHash } from '../routes';

export type SourceKind = 'reflection' | 'resource';

export interface ParsedFrom {
  kind: SourceKind;
  id: string;
  /** One takeaway, quote or clip of the resource. */
  item?: { kind: ItemKind; id: string };
}

/**
 * `#actions?from=reflection:<id>`: the link other views use to start an action from a record;
 * `#takeaway:<id>`, `#quote:<id>` or `#clip:<id>` after a resource starts it from one item of it.
 */
export function newActionHref(kind: SourceKind, id: string, item?: { kind: ItemKind; id: string }): string {
  const part = item ? `#${item.kind}:${item.id}` : '';
  return routeHash('actions', undefined, { from: `${kind}:${id}${part}` });
}

export function parseFrom(value: string | undefined): ParsedFrom | null {
  const match = /^(reflection|resource):(.+?)(?:#(takeaway|quote|clip):(.+))?$/.exec(value ?? '');
  if (!match) return null;
  const parsed: ParsedFrom = { kind: match[1] as SourceKind, id: match[2]! };
  if (match[3] && match[4]) parsed.item = { kind: match[3] as ItemKind, id: match[4] };
  return parsed;
}

const EXCERPT = 160;

export interface LoadedSource {
  source: ActionSource;
  /** Longer text to show while writing the action (the reflection's prompt and answer). */
  detail?: string;
  /** What the action box starts with: the takeaway, the quote's note or the clip's note. */
  suggested?: string;
}

/** What one item of a resource says: the detail shown beside the form, and the action's first words. */
function describeItem(resource: Resource, item: { kind: ItemKind; id: string }) {
  if (item.kind === 'takeaway') {
    const takeaway = resource.takeaways.find((t) => t.id === item.id);
    return takeaway && { detail: takeaway.text, suggested: takeaway.text };
  }
  if (item.kind === 'quote') {
    const quote = resource.quotes?.find((q) => q.id === item.id);
    return (
      quote && {
        detail: [`“${quote.exact}”`, formatQuoteLocation(quote.location), quote.note].filter(Boolean).join(' · '),
        suggested: quote.note || `“${capLine(quote.exact, EXCERPT)}”`,
      }
    );
  }
  const clip = resource.clips.find((c) => c.id === item.id);
  return (
    clip && {
      detail: [formatClock(clip.atSec), clip.chapter, clip.note].filter(Boolean).join(' · '),
      suggested: clip.note,
    }
  );
}

/** How a source's record is read (lib/db's getResource and getReflection; lib/app/action-sources.ts wires them). */
export interface SourceReads {
  resource(id: string): Promise<Resource | undefined>;
  reflection(id: string): Promise<Reflection | undefined>;
}

/** Reads the record an action starts from, so the action can keep its title if it is deleted. */
export async function loadSource(from: string | undefined, read: SourceReads): Promise<LoadedSource | null> {
  const parsed = parseFrom(from);
  if (!parsed) return null;
  if (parsed.kind === 'resource') {
    const resource = await read.resource(parsed.id);
    if (!resource) return null;
    const source: ActionSource = { kind: 'resource', id: resource.id, title: capLine(resource.title, LIMITS.title) };
    // From one item: what was noted there is what the action follows up, and its first words.
    const described = parsed.item ? describeItem(resource, parsed.item) : undefined;
    if (described && parsed.item) {
      return {
        source: { ...source, item: parsed.item },
        detail: described.detail,
        ...(described.suggested ? { suggested: capLine(described.suggested, LIMITS.actionText) } : {}),
      };
    }
    const detail = takeawaysText(resource.takeaways);
    return { source, ...(detail ? { detail } : {}) };
  }
  const reflection = await read.reflection(parsed.id);
  if (!reflection) return null;
  const title = capLine(reflection.answer, EXCERPT) || capLine(reflection.promptText, EXCERPT);
  return {
    source: { kind: 'reflection', id: reflection.id, title },
    detail: `${reflection.promptText}\n${reflection.answer}`.trim(),
  };
}

/** Which of the actions' sources still exist (one read per distinct source; actions are few). */
export async function existingSources(sources: readonly ActionSource[], read: SourceReads): Promise<Set<string>> {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const source of sources) {
    if (source.kind === 'none' || !source.id) continue;
    const key = `${source.kind}:${source.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = source.kind === 'resource' ? await read.resource(source.id) : await read.reflection(source.id);
    if (found) out.add(key);
  }
  return out;
}

export function sourceKey(source: ActionSource): string {
  return `${source.kind}:${source.id ?? ''}`;
}
