import type { Resource } from '../model/resource';
import type { ResourceChanges } from './index-cache';
import type { LoopDatabase } from './open';
import { listNewest } from './resource-reads';

/**
 * The reads of the library's search table (lib/library/resource-index.ts), over one connection.
 * Each asks the database as it is called, with no wait before it: the table asks for the next
 * chunk and then folds the one it has, and the database reads meanwhile.
 */
export function indexReads(db: LoopDatabase) {
  // The kept copy's checks load with the kept copy's code, not before the first screen; once,
  // and as the copy is looked up (`prepare`), so the check is asked of the database at once when
  // the copy is restored, not a turn later behind the decoding of its rows.
  let checks: Promise<typeof import('./index-cache')> | undefined;
  const keptCopy = () => {
    checks ??= import('./index-cache');
    return checks;
  };
  return {
    newest: (limit: number): Promise<Resource[]> => listNewest(limit, db),
    count: (): Promise<number> => db.count('resources'),
    /** Up to `size` records in id order, after the id `after` (from the first when none). */
    chunk: (size: number, after?: string): Promise<Resource[]> =>
      db.getAll('resources', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), size),
    /** These records, read in one transaction; undefined where one is gone. */
    some: async (ids: readonly string[]): Promise<(Resource | undefined)[]> => {
      const tx = db.transaction('resources');
      const records = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      return records;
    },
    prepare: (): void => {
      keptCopy().catch(() => undefined);
    },
    latestWrite: async (): Promise<string | undefined> => (await keptCopy()).latestWrite(db),
    changesSince: async (
      token: string,
      limit: number,
      onCleared: () => Promise<void>,
    ): Promise<ResourceChanges | null> => (await keptCopy()).resourceChangesSince(token, limit, onCleared, db),
  };
}
