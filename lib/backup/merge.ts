import type { Resource, StoreName, TimestampNote } from '../db/types';
import { capText, LIMITS, normaliseTags } from '../limits';
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

/** Notes are never dropped: the loser's text is kept unless the winner already holds it. */
export function mergeText(winner: string, loser: string, max: number): string {
  const extra = loser.trim();
  if (!extra || winner.includes(extra)) return winner;
  if (loser.includes(winner.trim())) return loser;
  return capText(winner.trim() ? `${winner}\n\n${loser}` : loser, max);
}

function mergeTimestampNotes(winner: TimestampNote[], loser: TimestampNote[]): TimestampNote[] {
  const seen = new Set(winner.map((n) => `${n.atSec}\u0000${n.text}`));
  const extra = loser.filter((n) => !seen.has(`${n.atSec}\u0000${n.text}`));
  if (!extra.length) return winner;
  return [...winner, ...extra].sort((a, b) => a.atSec - b.atSec).slice(0, LIMITS.timestampNotes);
}

/**
 * One resource from two places. The newer `updatedAt` wins every field, except that notes,
 * takeaways and timestamp notes from the other copy are kept. Two records of the same page with
 * different ids (saved on two machines) also pool their tags and shared state.
 */
export function mergeResource(current: Resource, incoming: Resource): Resource {
  const incomingWins = incoming.updatedAt > current.updatedAt;
  const [winner, loser] = incomingWins ? [incoming, current] : [current, incoming];
  const samePage = current.id !== incoming.id;
  const merged: Resource = {
    ...winner,
    id: current.id,
    notes: mergeText(winner.notes, loser.notes, LIMITS.notes),
    takeaways: mergeText(winner.takeaways, loser.takeaways, LIMITS.takeaways),
    timestampNotes: mergeTimestampNotes(winner.timestampNotes, loser.timestampNotes),
    createdAt: Math.min(current.createdAt, incoming.createdAt),
    updatedAt: Math.max(current.updatedAt, incoming.updatedAt),
  };
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
 * Merge a file of our format into what is stored, by id (resources also by canonical URL),
 * keeping the newer `updatedAt`. Pure: the caller reads `existing` and writes `puts` in one
 * transaction. References from the file to a resource that merged into a record with another id
 * (reflection.resourceId, action.source.id) are pointed at the surviving record.
 */
export function planMerge(existing: BackupRecords, incoming: BackupRecords): MergePlan {
  const puts: Put[] = [];
  const counts = emptyCounts();

  // Resources: by id, then by canonical URL.
  const resources = new Map(existing.resources.map((r) => [r.id, r]));
  const byUrl = new Map(existing.resources.map((r) => [r.canonicalUrl, r.id]));
  const renamed = new Map<string, string>();
  for (const record of incoming.resources) {
    let target = resources.get(record.id);
    if (!target) {
      const sameUrl = byUrl.get(record.canonicalUrl);
      if (sameUrl !== undefined) {
        target = resources.get(sameUrl);
        renamed.set(record.id, sameUrl);
      }
    }
    if (!target) {
      resources.set(record.id, record);
      byUrl.set(record.canonicalUrl, record.id);
      puts.push({ store: 'resources', record });
      counts.resources.added++;
      continue;
    }
    const merged = mergeResource(target, record);
    const owner = byUrl.get(merged.canonicalUrl);
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
      byUrl.delete(target.canonicalUrl);
      byUrl.set(merged.canonicalUrl, merged.id);
    }
    resources.set(merged.id, merged);
    puts.push({ store: 'resources', record: merged });
    counts.resources.updated++;
  }

  const pointAt = (id: string | undefined) => (id !== undefined ? (renamed.get(id) ?? id) : id);
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
      }
      const here = current.get(record.id);
      if (!here) {
        current.set(record.id, record);
        puts.push({ store, record });
        counts[store].added++;
      } else if (record.updatedAt > here.updatedAt && !sameValue(record, here)) {
        current.set(record.id, record);
        puts.push({ store, record });
        counts[store].updated++;
      } else if (record.updatedAt < here.updatedAt) {
        counts[store].newerHere++;
      } else {
        counts[store].same++;
      }
    }
  }
  return { puts, counts };
}

/** Replace: everything in the file is added to emptied stores. */
export function planReplace(incoming: BackupRecords): MergePlan {
  const counts = emptyCounts();
  const puts: Put[] = [];
  for (const store of STORES) {
    for (const record of incoming[store] as StoreRecord[]) puts.push({ store, record });
    counts[store].added = incoming[store].length;
  }
  return { puts, counts };
}
