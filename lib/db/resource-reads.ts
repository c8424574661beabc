import { getDb, type LoopDatabase } from './open';
import type { Resource } from '../model/resource';

/*
 * Resource reads, apart from the writes in resources.ts: the bundler places a module whole in
 * the first chunk that needs any of it, so the library's first screen, which only lists and
 * reads, would otherwise carry every write and what the writes need (clips, quotes, review cards).
 */

export async function getResource(id: string, db?: LoopDatabase): Promise<Resource | undefined> {
  return (db ?? (await getDb())).get('resources', id);
}

export async function getResourceByUrl(canonicalUrl: string, db?: LoopDatabase): Promise<Resource | undefined> {
  return (db ?? (await getDb())).getFromIndex('resources', 'canonicalUrl', canonicalUrl);
}

/** The newest `limit` resources through the createdAt index: never reads the whole store. */
export async function listNewest(limit: number, db?: LoopDatabase): Promise<Resource[]> {
  const database = db ?? (await getDb());
  const out: Resource[] = [];
  let cursor = await database.transaction('resources').store.index('createdAt').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}
