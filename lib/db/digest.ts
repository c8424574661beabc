import type { Action } from '../model/action';
import type { Resource } from '../model/resource';
import { getDb, type LoopDatabase } from './open';

/* What the team digest and "Teach it forward" read (lib/share/digest.ts), through the indexes. */

/** Resources written since `since`, through the updatedAt index: the rest of the library is never read. */
export async function resourcesChangedSince(since: number, db?: LoopDatabase): Promise<Resource[]> {
  return (db ?? (await getDb())).getAllFromIndex('resources', 'updatedAt', IDBKeyRange.lowerBound(since));
}

/** These resources, those that exist, in one transaction. */
export async function resourcesByIds(ids: readonly string[], db?: LoopDatabase): Promise<Resource[]> {
  const store = (db ?? (await getDb())).transaction('resources').store;
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return found.filter((r): r is Resource => r !== undefined);
}

/** Whether anything is shared with the team at all (a count over the sharedAt index). */
export async function anythingShared(db?: LoopDatabase): Promise<boolean> {
  return (await (db ?? (await getDb())).countFromIndex('resources', 'sharedAt')) > 0;
}

/** Resources shared with the team from `start` up to (not including) `end`, through the sharedAt index. */
export async function resourcesSharedBetween(start: number, end: number, db?: LoopDatabase): Promise<Resource[]> {
  return (db ?? (await getDb())).getAllFromIndex('resources', 'sharedAt', IDBKeyRange.bound(start, end, false, true));
}

/**
 * What might have something to teach and is not shared: resources marked learned (the status
 * index) or with a review card, which every takeaway, quote and clip has (the cards' resourceId
 * index, keys only), less those in the sharedAt index. Only these are read, never the whole store,
 * so a library of saved pages with nothing in them costs key walks.
 */
export async function unsharedTeachCandidates(db?: LoopDatabase): Promise<Resource[]> {
  const tx = (db ?? (await getDb())).transaction(['resources', 'reviews']);
  const resources = tx.objectStore('resources');
  const [learned, shared] = await Promise.all([
    resources.index('status').getAllKeys('learned'),
    resources.index('sharedAt').getAllKeys(),
  ]);
  const ids = new Set(learned);
  let cursor = await tx.objectStore('reviews').index('resourceId').openKeyCursor(null, 'nextunique');
  while (cursor) {
    ids.add(cursor.key);
    cursor = await cursor.continue();
  }
  for (const id of shared) ids.delete(id);
  const found = await Promise.all([...ids].map((id) => resources.get(id)));
  return found.filter((r): r is Resource => r !== undefined);
}

/** Every action, in the store's order (actions are few). */
export async function allActions(db?: LoopDatabase): Promise<Action[]> {
  return (db ?? (await getDb())).getAll('actions');
}
