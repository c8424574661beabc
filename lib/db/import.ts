import type { IDBPTransaction } from 'idb';
import { emptyStoredRecords, STORE_NAMES, type StoredRecords, type StoreName, type StoreRecord } from '../model/stores';
import { getDb, type LoopDatabase } from './open';
import type { LoopDB } from './schema';
import { rawTransaction, resourcePuts } from './write-log-raw';

/** One record an import writes, and where. */
export interface ImportPut {
  store: StoreName;
  record: StoreRecord;
}

type ImportTransaction = IDBPTransaction<LoopDB, StoreName[], 'readwrite'>;
type ReadTransaction = IDBPTransaction<LoopDB, StoreName[], 'readonly'>;

/** Puts issued between two progress reports: the page can paint while a big import is written. */
const PUT_CHUNK = 500;

/**
 * An import's write (lib/backup/import.ts), in one transaction over `stores`: either everything is
 * written or nothing is (a failed put, a full disk, or a worker stopping half-way aborts it, and
 * the stores keep what they had). `replace` clears the stores first; otherwise they are read whole.
 * `plan` runs inside the transaction on what the stores hold (nothing, for a replace) and says
 * what to put, so nothing can change between the read and the write.
 */
export async function writeImport(
  stores: readonly StoreName[],
  replace: boolean,
  plan: (stored: StoredRecords) => readonly ImportPut[],
  onProgress?: (done: number, total: number) => void,
  db?: LoopDatabase,
): Promise<void> {
  const database = db ?? (await getDb());
  const tx = database.transaction([...stores], 'readwrite');
  const done = tx.done;
  done.catch(() => undefined);
  try {
    let stored = emptyStoredRecords();
    if (replace) await Promise.all(stores.map((store) => tx.objectStore(store).clear()));
    else stored = await readStores(tx, stores);
    await putAll(tx, plan(stored), onProgress);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    await done.catch(() => undefined);
    throw error;
  }
  await done;
}

/**
 * What `stores` hold now, for an import's preview (a dry run of its plan): read apart from the
 * write, which plans again inside its own transaction on what the stores hold then.
 */
export async function readStoresForImport(stores: readonly StoreName[], db?: LoopDatabase): Promise<StoredRecords> {
  const database = db ?? (await getDb());
  const tx = database.transaction([...stores], 'readonly');
  const stored = await readStores(tx, stores);
  await tx.done;
  return stored;
}

/** Every record of `stores` (the others: none), each store read whole. */
async function readStores(
  tx: ImportTransaction | ReadTransaction,
  stores: readonly StoreName[],
): Promise<StoredRecords> {
  const read = <S extends StoreName>(store: S) =>
    stores.includes(store) ? tx.objectStore(store).getAll() : Promise.resolve([]);
  const [resources, reflections, prompts, actions, assessments, reviews] = await Promise.all([
    read('resources'),
    read('reflections'),
    read('prompts'),
    read('actions'),
    read('assessments'),
    read('reviews'),
  ]);
  return { resources, reflections, prompts, actions, assessments, reviews };
}

/**
 * The puts go to the raw stores (no promise per record), a chunk at a time: the next chunk is
 * issued from the success event of the previous chunk's last request, which keeps the one
 * transaction active while letting the page update its progress bar in between.
 */
function putAll(
  tx: ImportTransaction,
  puts: readonly ImportPut[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = puts.length;
  const raw = rawTransaction(tx, resourcePuts(puts.flatMap((put) => (put.store === 'resources' ? [put.record] : []))));
  const stores = new Map(
    STORE_NAMES.filter((s) => raw.objectStoreNames.contains(s)).map((store) => [store, raw.objectStore(store)]),
  );
  onProgress?.(0, total);
  return new Promise<void>((resolve, reject) => {
    // A failed request's own error (ConstraintError, QuotaExceededError…) says more than the abort.
    const fail = (event: Event) =>
      reject(
        (event.target instanceof IDBRequest ? event.target.error : null) ??
          raw.error ??
          new DOMException('The import was interrupted.', 'AbortError'),
      );
    raw.addEventListener('abort', fail);
    raw.addEventListener('error', fail);
    let next = 0;
    const issue = () => {
      try {
        const end = Math.min(next + PUT_CHUNK, total);
        let last: IDBRequest | null = null;
        for (; next < end; next++) last = stores.get(puts[next]!.store)!.put(puts[next]!.record);
        if (!last) return resolve();
        last.onsuccess = () => {
          onProgress?.(end, total);
          if (next < total) issue();
          else resolve();
        };
      } catch (error) {
        reject(error);
      }
    };
    issue();
  });
}
