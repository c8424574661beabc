import { sortClips } from '../clips/clean';
import type { Clip, Quote, Resource, StoreName } from '../db/types';
import { LIMITS, normaliseTags } from '../limits';
import { type FieldConflict, mergeText, withConflict } from '../merge';
import { missingReviewCards, reviewCardId } from '../review/card';
import { mergeTakeawayLists } from '../takeaways/items';
import { STORES, type BackupRecords, type StoreRecord } from './format';

/** Why a record of our format was not written in a merge. */
export type KeptReason = 'same' | 'newer-here';

export interface StoreCounts {
  added: number;
  updated: number;
  /** Already here exactly (or with the same updatedAt). */
  same: number;
  /** The copy here is newer: kept. */
  newerHere: number;
}

export interface Put {
  store: StoreName;
  record: StoreRecord;
}

export interface MergePlan {
  /** In order: every prefix keeps the canonicalUrl index unique, so the puts never conflict. */
  puts: Put[];
  counts: Record<StoreName, StoreCounts>;
  /** Texts kept whole as a conflict version (they did not fit beside the other). */
  conflictsKept: number;
}

export function emptyCounts(): Record<StoreName, StoreCounts> {
  return Object.fromEntries(STORES.map((store) => [store, { added: 0, updated: 0, same: 0, newerHere: 0 }])) as Record<
    StoreName,
    StoreCounts
  >;
}

/** Plain JSON values (what IndexedDB and JSON.parse give back): equal regardless of key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = Object.entries(b).filter(([, value]) => value !== undefined);
  if (left.length !== right.length) return false;
  const rightMap = new Map(right);
  return left.every(([key, value]) => rightMap.has(key) && sameValue(value, rightMap.get(key)));
}

/**
 * Texts are never dropped or cut (lib/merge.ts, without a base: an import has none): a text that
 * holds the other wins, else both are joined, and where the two together pass the field's limit
 * the loser is kept whole as a conflict version to choose from.
 */
function mergeTexts<T extends { conflicts?: FieldConflict[] }>(
  winner: T,
  loser: T,
  fields: readonly { name: keyof T & string; limit: number }[],
  now: number,
): T {
  const merged = { ...winner };
  let conflicts = mergeConflictLists(winner.conflicts, loser.conflicts);
  for (const { name, limit } of fields) {
    const ours = winner[name];
    const theirs = loser[name];
    if (typeof theirs !== 'string') continue;
    const result = mergeText(undefined, typeof ours === 'string' ? ours : '', theirs, limit);
    (merged as Record<string, unknown>)[name] = result.text;
    if (result.conflict !== undefined) conflicts = withConflict(conflicts, name, result.conflict, now);
  }
  if (conflicts?.length) merged.conflicts = conflicts;
  return merged;
}

function mergeConflictLists(
  a: FieldConflict[] | undefined,
  b: FieldConflict[] | undefined,
): FieldConflict[] | undefined {
  if (!b?.length) return a;
  let out = a ?? [];
  for (const c of b) out = withConflict(out, c.field, c.text, c.at);
  return out;
}

/** How many conflict versions a merge made (texts kept whole beside the field). */
export function countConflicts(
  before: { conflicts?: FieldConflict[] } | undefined,
  after: { conflicts?: FieldConflict[] },
): number {
  return Math.max(0, (after.conflicts?.length ?? 0) - (before?.conflicts?.length ?? 0));
}

/** A record that may carry conflict versions (resources, reflections, actions). */
type Textual = StoreRecord & { conflicts?: FieldConflict[] };

const RESOURCE_TEXTS = [{ name: 'notes', limit: LIMITS.notes }] as const;

const TEXTS: Partial<Record<StoreName, readonly { name: string; limit: number }[]>> = {
  reflections: [{ name: 'answer', limit: LIMITS.answer }],
  actions: [
    { name: 'text', limit: LIMITS.actionText },
    { name: 'outcome', limit: LIMITS.outcome },
  ],
};

/** Every clip of both copies: the winner's version of one both have, the loser's others added. */
function mergeClips(winner: Clip[], loser: Clip[]): Clip[] {
  const seen = new Set(winner.map((clip) => clip.id));
  const extra = loser.filter((clip) => !seen.has(clip.id));
  if (!extra.length) return winner;
  return sortClips([...winner, ...extra]).slice(0, LIMITS.clips);
}

/** Every quote of both copies, as `mergeClips` does; none at all leaves the field out. */
function mergeQuotes(winner: Quote[] | undefined, loser: Quote[] | undefined): Quote[] | undefined {
  const seen = new Set((winner ?? []).map((quote) => quote.id));
  const extra = (loser ?? []).filter((quote) => !seen.has(quote.id));
  if (!extra.length) return winner;
  return [...(winner ?? []), ...extra].sort((a, b) => a.createdAt - b.createdAt).slice(0, LIMITS.quotes);
}

/**
 * One resource from two places. The newer `updatedAt` wins every field, except that notes,
 * takeaways and clips from the other copy are kept. Two records of the same page with
 * different ids (saved on two machines) also pool their tags and shared state.
 */
export function mergeResource(current: Resource, incoming: Resource, now = Date.now()): Resource {
  const incomingWins = incoming.updatedAt > current.updatedAt;
  const [winner, loser] = incomingWins ? [incoming, current] : [current, incoming];
  const samePage = current.id !== incoming.id;
  const texts = mergeTexts(winner, loser, RESOURCE_TEXTS, now);
  const merged: Resource = {
    ...texts,
    id: current.id,
    clips: mergeClips(winner.clips, loser.clips),
    takeaways: mergeTakeawayLists(winner.takeaways, loser.takeaways),
    createdAt: Math.min(current.createdAt, incoming.createdAt),
    updatedAt: Math.max(current.updatedAt, incoming.updatedAt),
  };
  const quotes = mergeQuotes(winner.quotes, loser.quotes);
  if (quotes?.length) merged.quotes = quotes;
  else delete merged.quotes;
  if (samePage) {
    merged.tags = normaliseTags([...winner.tags, ...loser.tags]);
    if (merged.sharedAt === undefined && loser.sharedAt !== undefined) {
      merged.sharedAt = loser.sharedAt;
      if (loser.sharedHow) merged.sharedHow = loser.sharedHow;
    }
  }
  return merged;
}

/**
 * Two copies of one record with no common version (an import, a sync that lost the base): the
 * newer copy wins every field but the texts written by people, which merge, so the answer or
 * outcome written here survives an older or newer copy. Resources by `mergeResource`.
 */
export function mergeStoredRecord(
  store: StoreName,
  here: StoreRecord,
  incoming: StoreRecord,
  now = Date.now(),
): StoreRecord {
  if (store === 'resources') return mergeResource(here as Resource, incoming as Resource, now);
  const fields = TEXTS[store];
  const incomingWins = incoming.updatedAt > here.updatedAt;
  const [winner, loser] = (incomingWins ? [incoming, here] : [here, incoming]) as [Textual, Textual];
  const merged: Textual = fields
    ? mergeTexts(winner, loser, fields as { name: keyof Textual & string; limit: number }[], now)
    : winner;
  return { ...merged, updatedAt: Math.max(here.updatedAt, incoming.updatedAt) } as StoreRecord;
}

/**
 * Merge a file of our format into what is stored, by id (resources also by canonical URL),
 * keeping the newer `updatedAt`. Pure: the caller reads `existing` and writes `puts` in one
 * transaction. References from the file to a resource that merged into a record with another id
 * (reflection.resourceId, action.source.id) are pointed at the surviving record.
 */
export function planMerge(existing: BackupRecords, incoming: BackupRecords, now = Date.now()): MergePlan {
  const puts: Put[] = [];
  const counts = emptyCounts();
  let conflictsKept = 0;

  // Resources: by id, then by canonical URL.
  const resources = new Map(existing.resources.map((r) => [r.id, r]));
  // Activities have no address: they match by id only.
  const byUrl = new Map<string, string>();
  for (const r of existing.resources) if (r.canonicalUrl !== undefined) byUrl.set(r.canonicalUrl, r.id);
  const renamed = new Map<string, string>();
  for (const record of incoming.resources) {
    let target = resources.get(record.id);
    if (!target) {
      const sameUrl = record.canonicalUrl === undefined ? undefined : byUrl.get(record.canonicalUrl);
      if (sameUrl !== undefined) {
        target = resources.get(sameUrl);
        renamed.set(record.id, sameUrl);
      }
    }
    if (!target) {
      resources.set(record.id, record);
      if (record.canonicalUrl !== undefined) byUrl.set(record.canonicalUrl, record.id);
      puts.push({ store: 'resources', record });
      counts.resources.added++;
      continue;
    }
    const merged = mergeResource(target, record, now);
    const owner = merged.canonicalUrl === undefined ? undefined : byUrl.get(merged.canonicalUrl);
    if (owner !== undefined && owner !== merged.id) {
      // The page moved to an address another record already holds: keep this record's own.
      merged.url = target.url;
      merged.canonicalUrl = target.canonicalUrl;
    }
    if (sameValue(merged, target)) {
      if (record.updatedAt > target.updatedAt) counts.resources.same++;
      else if (record.updatedAt < target.updatedAt) counts.resources.newerHere++;
      else counts.resources.same++;
      continue;
    }
    if (merged.canonicalUrl !== target.canonicalUrl) {
      if (target.canonicalUrl !== undefined) byUrl.delete(target.canonicalUrl);
      if (merged.canonicalUrl !== undefined) byUrl.set(merged.canonicalUrl, merged.id);
    }
    resources.set(merged.id, merged);
    puts.push({ store: 'resources', record: merged });
    counts.resources.updated++;
    conflictsKept += countConflicts(target, merged);
  }

  const pointAt = <T extends string | undefined>(id: T): T => (id !== undefined ? (renamed.get(id) ?? id) : id) as T;
  for (const store of STORES) {
    if (store === 'resources') continue;
    const current = new Map<string, StoreRecord>((existing[store] as StoreRecord[]).map((r) => [r.id, r]));
    for (const original of incoming[store] as StoreRecord[]) {
      let record = original;
      if (
        store === 'reflections' &&
        'resourceId' in record &&
        record.resourceId !== undefined &&
        renamed.has(record.resourceId)
      ) {
        record = { ...record, resourceId: pointAt(record.resourceId) };
      } else if (
        store === 'actions' &&
        'source' in record &&
        record.source.kind === 'resource' &&
        record.source.id !== undefined &&
        renamed.has(record.source.id)
      ) {
        record = { ...record, source: { ...record.source, id: pointAt(record.source.id) } };
      } else if (store === 'reviews' && 'itemKind' in record && renamed.has(record.resourceId)) {
        const resourceId = pointAt(record.resourceId);
        record = { ...record, resourceId, id: reviewCardId(resourceId, record.itemKind, record.itemId) };
      }
      const here = current.get(record.id);
      if (!here) {
        current.set(record.id, record);
        puts.push({ store, record });
        counts[store].added++;
        continue;
      }
      const merged = mergeStoredRecord(store, here, record, now);
      if (!sameValue(merged, here)) {
        const written = merged;
        current.set(record.id, written);
        puts.push({ store, record: written });
        counts[store].updated++;
        conflictsKept += countConflicts(here as Textual, written as Textual);
      } else if (record.updatedAt < here.updatedAt) {
        counts[store].newerHere++;
      } else {
        counts[store].same++;
      }
    }
    if (store === 'reviews') {
      // What a file of format 3 or older brings has no card yet: each item joins the queue.
      for (const card of missingReviewCards(
        puts.flatMap((put) => (put.store === 'resources' ? [put.record as Resource] : [])),
        current,
        now,
      )) {
        current.set(card.id, card);
        puts.push({ store: 'reviews', record: card });
      }
    }
  }
  return { puts, counts, conflictsKept };
}

/** Replace: everything in the file is added to emptied stores. */
export function planReplace(incoming: BackupRecords, now = Date.now()): MergePlan {
  const counts = emptyCounts();
  const puts: Put[] = [];
  for (const store of STORES) {
    for (const record of incoming[store] as StoreRecord[]) puts.push({ store, record });
    counts[store].added = incoming[store].length;
  }
  const cards = new Map(incoming.reviews.map((card) => [card.id, card]));
  for (const card of missingReviewCards(incoming.resources, cards, now)) puts.push({ store: 'reviews', record: card });
  return { puts, counts, conflictsKept: 0 };
}
