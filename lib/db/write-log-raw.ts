import { type IDBPTransaction, type StoreNames, unwrap } from 'idb';
import type { LoopDB } from './schema';
import { UNKNOWN, underneath, updatedAtOf } from './write-log';
import type { ResourceWrite } from './write-log-entries';

// Apart from write-log.ts, which open.ts loads on demand: the background inlines that with every
// export it has, and only the import needs these.

/**
 * The browser's own transaction under idb's (logged or not), for bulk writes without a promise
 * per request. Its writes bypass the log, so the caller says what it will write to resources:
 * the lowest `updatedAt` among the records it puts (unsaid: anything, and a copy reads everything).
 */
export function rawTransaction(
  tx: IDBPTransaction<LoopDB, StoreNames<LoopDB>[], 'readwrite'>,
  writes: Partial<ResourceWrite> = UNKNOWN,
): IDBTransaction {
  const logged = underneath.get(tx);
  if (!logged) return unwrap(tx);
  logged.note(writes);
  return logged.raw;
}

/** What putting these records into resources tells the log. */
export function resourcePuts(records: Iterable<{ updatedAt?: unknown }>): Partial<ResourceWrite> {
  let floor = Number.POSITIVE_INFINITY;
  for (const record of records) floor = Math.min(floor, updatedAtOf(record));
  return { floor };
}
