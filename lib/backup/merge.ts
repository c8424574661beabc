import type { FieldConflict } from '../model/conflict';
import { countConflicts, mergeResource, mergeStoredRecord, sameValue } from '../model/merge';
import type { Resource } from '../model/resource';
import { missingReviewCards, reviewCardId } from '../model/review-card';
import type { StoreName, StoreRecord } from '../model/stores';
import { type BackupRecords, STORES } from './format';

/** A record that may carry conflict versions (resources, reflections, actions). */
type Textual = StoreRecord & { conflicts?: FieldConflict[] };

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
