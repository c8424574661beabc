import { DB_NAME, DB_VERSION } from './schema';
import type { Resource } from './types';

/**
 * The popup's first question, whether its page is saved, asked of IndexedDB directly: the
 * database code (idb, the upgrades, the commands) is a lazily loaded third of the popup and
 * takes longer to arrive than the answer. Only ever reads a database already at this version:
 * one that is missing or older is left for the full layer to create or upgrade (the open is
 * aborted before anything is written), and the answer is `null`, "ask the full layer".
 */
export function peekResourceByUrl(
  canonicalUrl: string,
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<Resource | undefined | null> {
  return new Promise((resolve) => {
    if (!factory) return resolve(null);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DB_NAME, DB_VERSION);
    } catch {
      return resolve(null);
    }
    request.onupgradeneeded = () => {
      request.transaction?.abort();
      resolve(null);
    };
    request.onerror = (event) => {
      // The aborted upgrade lands here too; it is not an error of the page's.
      event.preventDefault();
      resolve(null);
    };
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
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
    };
  });
}
