import { type IDBPDatabase, openDB } from 'idb';
import type { Resource } from '../model/resource';
import { getDb, type LoopDatabase } from './open';
import { isWriteLog, latestToken, WRITE_LOG_KEY, writesSince } from './write-log-entries';

/**
 * The library's search rows kept between visits (lib/library/index-cache.ts), in a database of
 * their own: never exported, never synced, and deleting it loses nothing (the next visit reads the
 * records). Also the reads of the main database that tell whether a kept copy is still true.
 */
export interface PersistedIndex {
  /** What wrote it (see indexFormat): any other code reads the records instead. */
  format: string;
  /** The write log's newest entry when the rows were read. */
  token: string;
  /** When its rows were last read from every record (a copy older than a day is checked again). */
  builtAt: number;
  count: number;
  /**
   * The rows, newest first, in parts of a few thousand: each a JSON array, one array per row,
   * fields in ROW_FIELDS order. Blobs: the browser reads them from disk off the page's thread, twice
   * as fast as a string value of the same text, and one part is decoded while the next is read.
   */
  parts: Blob[];
}

export interface IndexStore {
  read(): Promise<PersistedIndex | undefined>;
  write(index: PersistedIndex): Promise<void>;
  clear(): Promise<void>;
}

const CACHE_DB = 'learning-loop-search-index';
const STORE = 'rows';
const KEY = 'library';

interface CacheSchema {
  rows: { key: string; value: PersistedIndex };
}

/** The copy in its own database (deleting it loses nothing: the next visit reads the records). */
export function indexStore(name = CACHE_DB): IndexStore {
  let connection: Promise<IDBPDatabase<CacheSchema>> | null = null;
  const open = () => {
    connection ??= openDB<CacheSchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore(STORE);
      },
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        connection = null;
      },
    }).catch((error: unknown) => {
      connection = null;
      throw error;
    });
    return connection;
  };
  return {
    read: async () => (await open()).get(STORE, KEY),
    write: async (index) => {
      await (await open()).put(STORE, index, KEY);
    },
    clear: async () => {
      await (await open()).delete(STORE, KEY);
    },
  };
}

/** What the write log and the records say changed since a kept copy's token. */
export interface ResourceChanges {
  since: NonNullable<ReturnType<typeof writesSince>>;
  /** The records written since (through the updatedAt index, from the log's lowest floor). */
  changed: Resource[];
  /** Every key in the store, when something was deleted since (only the keys can tell what). */
  present: string[] | null;
  count: number;
}

/**
 * In one transaction, so they agree: what the log says changed since `token`, those records, the
 * count. Null when the log cannot say (the entry is gone, a cursor wrote, the store was cleared:
 * then `onCleared` runs before it answers) or when more than `limit` records changed.
 */
export async function resourceChangesSince(
  token: string,
  limit: number,
  onCleared: () => Promise<void>,
  db?: LoopDatabase,
): Promise<ResourceChanges | null> {
  const tx = (db ?? (await getDb())).transaction(['meta', 'resources']);
  const log = await tx.objectStore('meta').get(WRITE_LOG_KEY);
  const since = writesSince(isWriteLog(log) ? log : undefined, token);
  if (!since || since.cleared || since.floor === Number.NEGATIVE_INFINITY) {
    if (since?.cleared) await onCleared();
    return null;
  }
  const resources = tx.objectStore('resources');
  const [changed, present, count] = await Promise.all([
    since.floor === Number.POSITIVE_INFINITY
      ? Promise.resolve([] as Resource[])
      : resources.index('updatedAt').getAll(IDBKeyRange.lowerBound(since.floor), limit + 1),
    since.removed ? resources.getAllKeys() : Promise.resolve(null),
    resources.count(),
  ]);
  return changed.length > limit ? null : { since, changed, present, count };
}

/** The log's newest entry: read before the records, it is what a copy of them may claim. */
export async function latestWrite(db?: LoopDatabase): Promise<string | undefined> {
  const log = await (db ?? (await getDb())).get('meta', WRITE_LOG_KEY);
  return latestToken(isWriteLog(log) ? log : undefined);
}
