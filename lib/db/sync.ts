import type { IDBPTransaction } from 'idb';
import type { LoopDatabase } from './open';
import type { LoopDB } from './schema';
import { STORE_NAMES, type StoreName, type StoredRecords } from '../model/stores';
import type { Resource } from '../model/resource';
import { KEPT_EDITS_KEY, withKeptEdit, type KeptEdits } from '../model/kept-edit';

type StoreRecord = StoredRecords[StoreName][number];

/** One record as the server has it now (`incoming`, null when deleted there), with the version this device last had. */
export interface SyncedRecord {
  store: StoreName;
  id: string;
  incoming: StoreRecord | null;
  base?: StoreRecord;
  /**
   * A deletion that meets an edit made here after the version it removed (lib/sync/engine.ts):
   * the record still goes, and this device keeps what was typed (lib/model/kept-edit.ts).
   */
  keepEdit?: boolean;
}

export interface SyncedWrite {
  /** Records written or deleted here, per store. */
  written: Map<StoreName, string[]>;
  /** Records that now differ from the server's copy (a merge kept something of this device's): sent back. */
  sendBack: { store: StoreName; id: string }[];
}

/** The merge rule, given by the caller (lib/sync/merge-records.ts, lib/backup/merge.ts): lib/db knows no domain. */
export interface SyncRules {
  merge(store: StoreName, base: StoreRecord | undefined, ours: StoreRecord, theirs: StoreRecord): StoreRecord;
  /** One page saved under two ids: the record here absorbs the other. */
  mergeSamePage(here: Resource, other: Resource): Resource;
  same(a: unknown, b: unknown): boolean;
}

type SyncTx = IDBPTransaction<LoopDB, StoreName[], 'readwrite'>;

/**
 * Write what came from the server, in one transaction over every store. A record this device
 * did not change since `base` takes the server's copy; one it changed meanwhile merges with it
 * (`merge`, the project's one rule), and the result goes back to the server. A deletion there
 * deletes here: removals stay removed. A page this device saved under another id (both devices
 * saved it before they met) merges into the record here, which keeps its id.
 */
export async function writeSynced(
  db: LoopDatabase,
  records: readonly SyncedRecord[],
  rules: SyncRules,
): Promise<SyncedWrite> {
  const { merge, mergeSamePage, same: sameValue } = rules;
  const written = new Map<StoreName, string[]>();
  const sendBack: { store: StoreName; id: string }[] = [];
  if (!records.length) return { written, sendBack };
  const note = (store: StoreName, id: string) => {
    const list = written.get(store) ?? [];
    list.push(id);
    written.set(store, list);
  };
  const keeps = records.some((e) => e.keepEdit && e.store === 'resources' && e.incoming === null);
  const tx = db.transaction([...STORE_NAMES, ...(keeps ? (['meta'] as const) : [])], 'readwrite') as unknown as SyncTx;
  const resources = tx.objectStore('resources');
  const byUrl = resources.index('canonicalUrl');
  // Every read first, side by side, then every write without a wait between: one transaction
  // that a first sync of thousands of records gets through at IndexedDB's own pace.
  const currents = (await Promise.all(records.map((e) => tx.objectStore(e.store).get(e.id)))) as (
    | StoreRecord
    | undefined
  )[];
  const urlOf = (record: StoreRecord | null | undefined) => (record as Resource | null | undefined)?.canonicalUrl;
  const urls = [
    ...new Set(
      records.flatMap((e, i) =>
        e.store === 'resources' ? [urlOf(e.incoming), urlOf(currents[i])].filter((u) => u !== undefined) : [],
      ),
    ),
  ] as string[];
  const found = await Promise.all(urls.map((url) => byUrl.get(url)));
  // Who holds each address, as the batch's own writes change it (null: nobody).
  const holder = new Map<string, Resource | null>(urls.map((url, i) => [url, found[i] ?? null]));
  const holderOf = async (url: string): Promise<Resource | null> => {
    if (!holder.has(url)) holder.set(url, (await byUrl.get(url)) ?? null);
    return holder.get(url)!;
  };
  const writes: Promise<unknown>[] = [];
  const putResource = (record: Resource, before: Resource | undefined) => {
    if (before?.canonicalUrl !== undefined && before.canonicalUrl !== record.canonicalUrl)
      holder.set(before.canonicalUrl, null);
    if (record.canonicalUrl !== undefined) holder.set(record.canonicalUrl, record);
    writes.push(resources.put(record));
  };
  const kept: Resource[] = [];
  for (const [i, entry] of records.entries()) {
    const store = tx.objectStore(entry.store);
    const current = currents[i];
    if (entry.incoming === null) {
      if (current) {
        if (entry.keepEdit && entry.store === 'resources') kept.push(current as Resource);
        const url = urlOf(current);
        if (entry.store === 'resources' && url !== undefined) holder.set(url, null);
        writes.push(store.delete(entry.id));
        note(entry.store, entry.id);
      }
      continue;
    }
    const incoming = entry.incoming;
    let next: StoreRecord;
    if (!current) {
      const url = entry.store === 'resources' ? urlOf(incoming) : undefined;
      const other = url === undefined ? null : await holderOf(url);
      if (other && other.id !== entry.id) {
        const merged = mergeSamePage(other, incoming as Resource);
        if (!sameValue(merged, other)) {
          putResource(merged, other);
          note('resources', other.id);
          sendBack.push({ store: 'resources', id: other.id });
        }
        continue;
      }
      next = incoming;
    } else if (sameValue(current, incoming)) {
      continue;
    } else if (entry.base && sameValue(current, entry.base)) {
      next = incoming;
    } else {
      next = merge(entry.store, entry.base, current, incoming);
    }
    if (entry.store === 'resources') {
      const url = urlOf(next);
      const owner = url === undefined ? null : await holderOf(url);
      if (owner && owner.id !== next.id) {
        // The address moved to one another record holds: keep this record's own.
        const kept = current as Resource | undefined;
        if (kept?.canonicalUrl === undefined) continue;
        next = {
          ...(next as Resource),
          url: kept.url ?? kept.canonicalUrl,
          canonicalUrl: kept.canonicalUrl,
        } as StoreRecord;
      }
      putResource(next as Resource, current as Resource | undefined);
    } else {
      writes.push((store as unknown as { put(value: StoreRecord): Promise<unknown> }).put(next));
    }
    note(entry.store, entry.id);
    if (!sameValue(next, incoming)) sendBack.push({ store: entry.store, id: entry.id });
  }
  if (kept.length) {
    // In the deletion's transaction: the record never leaves without its kept copy.
    const meta = (tx as unknown as IDBPTransaction<LoopDB, ['meta'], 'readwrite'>).objectStore('meta');
    let list: KeptEdits | undefined;
    const at = Date.now();
    for (const record of kept) list = withKeptEdit(list ?? (await meta.get(KEPT_EDITS_KEY)), { record, at });
    writes.push(meta.put(list!, KEPT_EDITS_KEY));
  }
  await Promise.all(writes);
  await tx.done;
  return { written, sendBack };
}

/** Records of a store by id, and for review cards every card of a resource (`<resourceId>/…`). */
export async function readForSync(
  db: LoopDatabase,
  store: StoreName,
  ids: readonly string[],
): Promise<Map<string, StoreRecord>> {
  const tx = db.transaction(store, 'readonly');
  const os = tx.objectStore(store);
  const out = new Map<string, StoreRecord>();
  const lists = await Promise.all(
    ids.map(async (id) => {
      if (id === '*') return (await os.getAll()) as StoreRecord[];
      const one = (await os.get(id)) as StoreRecord | undefined;
      if (store !== 'reviews' || id.includes('/')) return one ? [one] : [];
      return (await os.getAll(IDBKeyRange.bound(`${id}/`, `${id}/\uffff`))) as StoreRecord[];
    }),
  );
  await tx.done;
  for (const list of lists) for (const record of list) out.set(record.id, record);
  return out;
}
