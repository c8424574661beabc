import { DB_NAME, DB_VERSION } from './schema';
import type { Resource } from '../model/resource';

/**
 * The popup's first question, whether its page is saved, asked of IndexedDB directly: the
 * database code (idb, the upgrades, the commands) is a lazily loaded third of the popup and
 * takes longer to arrive than the answer. Only ever reads a database already at this version:
 * one that is missing or older is left for the full layer to create or upgrade (the open is
 * aborted before anything is written), and the answer is `null`, "ask the full layer".
 *
 * Opening is a round trip of its own and needs no address, so the popup opens while it reads
 * its tab (`openForPeek`) and looks the address up once it has it (`peekResourceByUrl`).
 */
export function openForPeek(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    if (!factory) return resolve(null);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DB_NAME, DB_VERSION);
    } catch {
      return resolve(null);
    }
    let settled = false;
    const answer = (db: IDBDatabase | null) => {
      settled = true;
      resolve(db);
    };
    request.onupgradeneeded = () => {
      request.transaction?.abort();
      answer(null);
    };
    request.onerror = (event) => {
      // The aborted upgrade lands here too; it is not an error of the page's.
      event.preventDefault();
      if (!settled) answer(null);
    };
    request.onblocked = () => answer(null);
    request.onsuccess = () => {
      const db = request.result;
      // Answered already (blocked meanwhile): nobody will use this connection.
      if (settled) return db.close();
      db.onversionchange = () => db.close();
      answer(db);
    };
  });
}

/** Looks `canonicalUrl` up and closes the connection; opens one itself unless given one. */
export async function peekResourceByUrl(
  canonicalUrl: string,
  opened: Promise<IDBDatabase | null> = openForPeek(),
): Promise<Resource | undefined | null> {
  const db = await opened;
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction('resources', 'readonly');
      const get = tx.objectStore('resources').index('canonicalUrl').get(canonicalUrl);
      get.onsuccess = () => resolve((get.result as Resource | undefined) ?? undefined);
      get.onerror = () => resolve(null);
      tx.oncomplete = tx.onabort = () => db.close();
    } catch {
      db.close();
      resolve(null);
    }
  });
}

/** A connection opened for a peek that is not needed after all (the tab has no web address). */
export function closePeek(opened: Promise<IDBDatabase | null>): void {
  void opened.then((db) => db?.close());
}
