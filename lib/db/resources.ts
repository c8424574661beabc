import { newId } from '../infra/ids';
import { capText, isWebUrl, LIMITS, normaliseTags } from '../infra/limits';
import type { CapturedPage } from '../model/captured-page';
import type { Resource } from '../model/resource';
import { applyPatch, capturedFields, type ResourceBase, type ResourcePatch } from '../model/resource-patch';
import { addCardsForNewItems, type ReviewStore } from './new-review-cards';
import { getDb, type LoopDatabase } from './open';

// The reads live apart so a first screen that only lists and reads loads none of the writes below.
export { getResource, getResourceByUrl, listNewest } from './resource-reads';

/** The merge rule, loaded on the first merging write only: the popup's first render does without it. */
type MergeRule = typeof import('../model/merge');
let mergeRule: Promise<MergeRule> | undefined;
// One promise for every write: writes that wait for it resume in the order they were made, so a
// page's keystrokes still commit in order.
export const loadMergeRule = (): Promise<MergeRule> => {
  mergeRule ??= import('../model/merge');
  return mergeRule;
};

export interface SaveExtras {
  notes?: string;
  tags?: string[];
}

export interface SaveResult {
  resource: Resource;
  created: boolean;
}

function mergeNotes(existing: string, added: string | undefined): string {
  const extra = added?.trim();
  if (!extra || existing.includes(extra)) return existing;
  return capText(existing ? `${existing}\n\n${extra}` : extra, LIMITS.notes);
}

/**
 * Save a captured page, or update the record that has its canonical URL: fresh metadata, while
 * notes, clips, takeaways, tags, status, shared state and where to resume are kept (a note typed
 * before saving is appended, tags are added). Saving again never moves the resume position: only
 * the user's "Resume later" does (`resumeAt`).
 */
export async function saveResource(
  page: CapturedPage,
  extras: SaveExtras = {},
  now = Date.now(),
  db?: LoopDatabase,
): Promise<SaveResult> {
  if (!isWebUrl(page.url) || !isWebUrl(page.canonicalUrl))
    throw new TypeError(`Only web pages can be saved: ${page.url.slice(0, 100)}`);
  const database = db ?? (await getDb());
  const tx = database.transaction('resources', 'readwrite');
  const existing = await tx.store.index('canonicalUrl').get(page.canonicalUrl);
  const fields = capturedFields(page);
  let resource: Resource;
  if (existing) {
    resource = {
      ...existing,
      ...fields,
      notes: mergeNotes(existing.notes, extras.notes),
      tags: normaliseTags([...existing.tags, ...(extras.tags ?? [])]),
      updatedAt: Math.max(now, existing.updatedAt + 1),
    };
    if (existing.positionSec !== undefined) resource.positionSec = existing.positionSec;
    else delete resource.positionSec;
  } else {
    resource = {
      id: newId(),
      ...fields,
      notes: capText(extras.notes?.trim() ?? '', LIMITS.notes),
      clips: [],
      takeaways: [],
      tags: normaliseTags(extras.tags ?? []),
      status: 'queued',
      createdAt: now,
      updatedAt: now,
    };
  }
  await tx.store.put(resource);
  await tx.done;
  return { resource, created: !existing };
}

/** A new record that no address identifies (an activity): written as it is. */
export async function addResource(resource: Resource, db?: LoopDatabase): Promise<Resource> {
  const tx = (db ?? (await getDb())).transaction(['resources', 'reviews'], 'readwrite');
  await tx.objectStore('resources').add(resource);
  await addCardsForNewItems(tx.objectStore('reviews'), undefined, resource, resource.createdAt);
  await tx.done;
  return resource;
}

export async function updateResource(
  id: string,
  patch: ResourcePatch,
  now = Date.now(),
  db?: LoopDatabase,
): Promise<Resource | undefined> {
  const updated = await updateResources([id], patch, now, db);
  return updated[0];
}

/** One transaction for any number of records: bulk edits are all-or-nothing. */
export async function updateResources(
  ids: readonly string[],
  patch: ResourcePatch | ((r: Resource) => ResourcePatch),
  now = Date.now(),
  db?: LoopDatabase,
  base?: ResourceBase,
  /** More card changes in the same transaction, after the new items' cards (a quote turned into a takeaway). */
  cards?: (reviews: ReviewStore, before: Resource, after: Resource) => Promise<void>,
): Promise<Resource[]> {
  const database = db ?? (await getDb());
  // Loaded before the transaction opens: nothing but IndexedDB is awaited inside one.
  const rule = base ? await loadMergeRule() : undefined;
  // Review cards in the same transaction: a takeaway, quote or clip and its card are written together.
  const tx = database.transaction(['resources', 'reviews'], 'readwrite');
  const store = tx.objectStore('resources');
  const out: Resource[] = [];
  for (const id of ids) {
    const current = await store.get(id);
    if (!current) continue;
    // The merge happens here, inside the transaction, against what is stored at this moment.
    const own = typeof patch === 'function' ? patch(current) : patch;
    const next = applyPatch(current, base && rule ? rule.rebasePatch(current, own, base, now) : own, now);
    await store.put(next);
    if (next.takeaways !== current.takeaways || next.clips !== current.clips || next.quotes !== current.quotes)
      await addCardsForNewItems(tx.objectStore('reviews'), current, next, now);
    if (cards) await cards(tx.objectStore('reviews'), current, next);
    out.push(next);
  }
  await tx.done;
  return out;
}

/** Deletes and returns what was deleted, so the caller can offer undo. */
export async function deleteResources(ids: readonly string[], db?: LoopDatabase): Promise<Resource[]> {
  const database = db ?? (await getDb());
  const tx = database.transaction('resources', 'readwrite');
  const removed: Resource[] = [];
  for (const id of ids) {
    const current = await tx.store.get(id);
    if (!current) continue;
    removed.push(current);
    await tx.store.delete(id);
  }
  await tx.done;
  return removed;
}

/** Undo of a delete: puts the records back exactly as they were. */
export async function restoreResources(records: readonly Resource[], db?: LoopDatabase): Promise<void> {
  const database = db ?? (await getDb());
  const tx = database.transaction(['resources', 'reviews'], 'readwrite');
  for (const record of records) {
    await tx.objectStore('resources').put(record);
    await addCardsForNewItems(tx.objectStore('reviews'), undefined, record, Date.now());
  }
  await tx.done;
}
