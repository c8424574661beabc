import type { Resource } from '../model/resource';
import { getDb, type LoopDatabase } from './open';

/* The resources a reflection prompt could be about (lib/prompts/choose.ts), read along an index. */

/**
 * Up to `limit` resources updated since `since`, newest first, through the updatedAt index (one
 * read transaction): those `keep` takes.
 */
export async function scanUpdatedSince(
  since: number,
  limit: number,
  keep: (resource: Resource) => boolean,
  db?: LoopDatabase,
): Promise<Resource[]> {
  const database = db ?? (await getDb());
  const out: Resource[] = [];
  let cursor = await database
    .transaction('resources')
    .store.index('updatedAt')
    .openCursor(IDBKeyRange.lowerBound(since), 'prev');
  for (let seen = 0; cursor && seen < limit; seen++) {
    if (keep(cursor.value)) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/**
 * Up to `limit` resources created from `from` to `to` (both included), oldest first, through the
 * createdAt index (one read transaction): those `keep` takes.
 */
export async function scanCreatedBetween(
  from: number,
  to: number,
  limit: number,
  keep: (resource: Resource) => boolean,
  db?: LoopDatabase,
): Promise<Resource[]> {
  const database = db ?? (await getDb());
  const out: Resource[] = [];
  let cursor = await database.transaction('resources').store.index('createdAt').openCursor(IDBKeyRange.bound(from, to));
  for (let seen = 0; cursor && seen < limit; seen++) {
    if (keep(cursor.value)) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** Up to `limit` resources still to learn (the status index), for the micro-learning nudge. */
export async function queuedResources(limit = 300, db?: LoopDatabase): Promise<Resource[]> {
  return (db ?? (await getDb())).getAllFromIndex('resources', 'status', 'queued', limit);
}
