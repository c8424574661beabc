import { STORE_NAMES, type StoreName } from '../model/stores';
import { getDb, type LoopDatabase } from './open';

/**
 * The ids every store holds now, in one read-only transaction: keys only, no record is read, so
 * a snapshot of a large library can be compared with what sync has brought back meanwhile.
 */
export async function storedIds(db?: LoopDatabase): Promise<Record<StoreName, Set<string>>> {
  const database = db ?? (await getDb());
  const tx = database.transaction([...STORE_NAMES], 'readonly');
  const keys = await Promise.all(STORE_NAMES.map((store) => tx.objectStore(store).getAllKeys()));
  await tx.done;
  return Object.fromEntries(STORE_NAMES.map((store, i) => [store, new Set(keys[i] as string[])])) as Record<
    StoreName,
    Set<string>
  >;
}
