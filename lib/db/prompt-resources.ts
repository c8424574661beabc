import type { IDBPCursorWithValue } from 'idb';
import type { Resource } from '../model/resource';
import type { LoopDB } from './schema';
import { getDb, type LoopDatabase } from './open';

/* The resources a reflection prompt could be about (lib/prompts/choose.ts), read along an index. */

type IndexCursor = IDBPCursorWithValue<LoopDB, ['resources'], 'resources', 'updatedAt' | 'createdAt'>;

/** Up to `limit` records along the cursor, those `keep` takes (in the cursor's own transaction). */
async function collect(
  opened: Promise<IndexCursor | null>,
  limit: number,
  keep: (resource: Resource) => boolean,
): Promise<Resource[]> {
  const out: Resource[] = [];
  let cursor = await opened;
  for (let seen = 0; cursor && seen < limit; seen++) {
    if (keep(cursor.value)) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

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
  const index = (db ?? (await getDb())).transaction('resources').store.index('updatedAt');
  return collect(index.openCursor(IDBKeyRange.lowerBound(since), 'prev'), limit, keep);
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
  const index = (db ?? (await getDb())).transaction('resources').store.index('createdAt');
  return collect(index.openCursor(IDBKeyRange.bound(from, to)), limit, keep);
}

/** Up to `limit` resources still to learn (the status index), for the micro-learning nudge. */
export async function queuedResources(limit = 300, db?: LoopDatabase): Promise<Resource[]> {
  return (db ?? (await getDb())).getAllFromIndex('resources', 'status', 'queued', limit);
}
