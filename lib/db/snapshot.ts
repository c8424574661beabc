import type { IDBPDatabase } from 'idb';
import { serialQueue } from '../infra/serial';
import { asInstance } from './instance';
import type { LoopDB } from './schema';
import {
  emptyStoredRecords,
  STORE_NAMES as STORES,
  type DatabaseInstance,
  type StoreName,
  type StoredRecords,
} from '../model/stores';

/** The library's database (open.ts's LoopDatabase, named here so this module imports nothing of open.ts). */
type LoopDatabase = IDBPDatabase<LoopDB>;

/**
 * The automatic local snapshot: a copy of every store outside IndexedDB, in the Origin Private
 * File System. A browser that finds its database damaged (after a full disk, say) deletes it and
 * starts an empty one; the files of the OPFS are stored apart from it and survive that.
 *
 * A snapshot is a list of parts: resources in 16 parts by the first character of their id (so a
 * changed note rewrites one sixteenth of a 100k library, not all of it), every other store in one
 * part. A part is read again only when it holds another number of records or one with a newer
 * `updatedAt` (every store has that index from version 4), and every part once a day. Each part is one file; a new snapshot writes only the parts that changed and points at
 * the previous files for the rest. Files are written whole (`createWritable()` commits on
 * `close()`), then the manifest is written the same way: a write that fails half-way leaves the
 * previous manifest, and so the previous snapshot, as it was.
 */

export type SnapshotReason = 'auto' | 'import' | 'upgrade' | 'manual';

export interface SnapshotPart {
  /** File name in the snapshot folder; '' when the part holds nothing. */
  file: string;
  count: number;
  bytes: number;
  /** SHA-256 of the file's text (hex), to tell an unchanged part from a changed one. */
  hash: string;
}

export interface Snapshot {
  id: string;
  /** When the records were read (one read-only transaction: one moment of the library). */
  at: number;
  reason: SnapshotReason;
  /** The database version the records have the shape of. */
  dbVersion: number;
  /** The export file version those records correspond to (restore reads it like an old export). */
  backupVersion: number;
  /** Which database they came from ('' for one older than database ids). */
  instance: string;
  parts: Record<string, SnapshotPart>;
  counts: Record<StoreName, number>;
  /** When every part was last read (the others since compared by count and `updatedAt`). */
  fullAt?: number;
  bytes: number;
  settings: Record<string, unknown>;
}

export interface SnapshotManifest {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  /** Newest first. */
  snapshots: Snapshot[];
}

export const SNAPSHOT_FORMAT = 'learning-loop-snapshots';
const FOLDER = 'snapshots';
const MANIFEST_FILE = 'manifest.json';
/** The newest few are kept… */
export const SNAPSHOTS_KEPT = 3;
/** …and the fullest of the last month, so a library that suddenly shrank keeps its last full picture. */
export const FULLEST_KEPT_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * A record written while a snapshot was being read has an `updatedAt` from just before it: the
 * next snapshot looks back this far past the previous one's time.
 */
const CHANGE_MARGIN_MS = 60_000;
const FULL_READ_EVERY_MS = 24 * 60 * 60 * 1000;

/** Resource parts: ids are random UUIDs, so the first character spreads them evenly. */
const BOUNDS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'];
const sixteenParts = (store: StoreName) => ['0', ...BOUNDS].map((c) => `${store}.${c}`);
export const RESOURCE_PARTS = sixteenParts('resources');
/** Review cards' ids start with their resource's id: they spread the same way, a card or three a resource. */
const SPLIT_STORES: Partial<Record<StoreName, string[]>> = {
  resources: RESOURCE_PARTS,
  reviews: sixteenParts('reviews'),
};

/** The part a resource id belongs to; every string falls in exactly one (ids from elsewhere too). */
export function resourcePartOf(id: string): number {
  let part = 0;
  for (const bound of BOUNDS) if (id >= bound) part++;
  return part;
}

function resourcePartRange(part: number): IDBKeyRange {
  if (part === 0) return IDBKeyRange.upperBound(BOUNDS[0]!, true);
  if (part === BOUNDS.length) return IDBKeyRange.lowerBound(BOUNDS[BOUNDS.length - 1]!);
  return IDBKeyRange.bound(BOUNDS[part - 1]!, BOUNDS[part]!, false, true);
}

export interface SnapshotEnv {
  /** The folder snapshots live in (tests pass their own). */
  folder?: () => Promise<FileSystemDirectoryHandle>;
  now?: () => number;
  db?: LoopDatabase;
  /** The settings a snapshot carries into its export (the database knows none of them). */
  settings?: () => Promise<Record<string, unknown>>;
  /** The export file version of today's records (lib/backup/format.ts). */
  backupVersion?: number;
  /**
   * Called after each file written: the background calls an extension API here, which keeps a
   * service worker alive through a snapshot of 100k resources (its idle timer is 30 s).
   */
  onFileWritten?: () => unknown;
}

export class SnapshotsUnavailable extends Error {}

async function defaultFolder(): Promise<FileSystemDirectoryHandle> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.getDirectory !== 'function') throw new SnapshotsUnavailable('No origin private file system');
  const root = await storage.getDirectory();
  return root.getDirectoryHandle(FOLDER, { create: true });
}

/** Whether this browser can keep snapshots at all (Firefox's private windows cannot). */
export async function snapshotsAvailable(env: SnapshotEnv = {}): Promise<boolean> {
  try {
    await (env.folder ?? defaultFolder)();
    return true;
  } catch {
    return false;
  }
}

// One writer at a time over every page and the worker (Web Locks are per origin); where there
// are none (Node in tests), one at a time in this context.
const localQueue = serialQueue();
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request('learning-loop-snapshots', task) as Promise<T>;
  return localQueue(task);
}

async function readText(folder: FileSystemDirectoryHandle, name: string): Promise<string | null> {
  try {
    const handle = await folder.getFileHandle(name);
    return await (await handle.getFile()).text();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return null;
    throw error;
  }
}

/** All or nothing: the file keeps its old content unless `close()` succeeds. */
async function writeWhole(folder: FileSystemDirectoryHandle, name: string, text: string): Promise<void> {
  const handle = await folder.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  try {
    await writable.write(text);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

function isSnapshot(value: unknown): value is Snapshot {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<Snapshot>;
  return (
    typeof s.id === 'string' &&
    typeof s.at === 'number' &&
    typeof s.parts === 'object' &&
    s.parts !== null &&
    typeof s.counts === 'object' &&
    s.counts !== null
  );
}

async function readManifest(folder: FileSystemDirectoryHandle): Promise<SnapshotManifest> {
  const empty: SnapshotManifest = { format: SNAPSHOT_FORMAT, version: 1, snapshots: [] };
  const text = await readText(folder, MANIFEST_FILE);
  if (!text) return empty;
  try {
    const parsed = JSON.parse(text) as Partial<SnapshotManifest>;
    if (parsed.format !== SNAPSHOT_FORMAT || !Array.isArray(parsed.snapshots)) return empty;
    return { ...empty, snapshots: parsed.snapshots.filter(isSnapshot) };
  } catch {
    return empty;
  }
}

export function totalRecords(snapshot: Pick<Snapshot, 'counts'>): number {
  return STORES.reduce((sum, store) => sum + (snapshot.counts[store] ?? 0), 0);
}

/**
 * Which snapshots stay: the newest few, and the fullest of the last month when it is not among
 * them (the browser lost the library, the user saved two pages before noticing: the full one
 * must not be pushed out by two small ones). Newest first.
 */
export function retainSnapshots(snapshots: readonly Snapshot[], now: number): Snapshot[] {
  const sorted = [...snapshots].sort((a, b) => b.at - a.at);
  const kept = sorted.slice(0, SNAPSHOTS_KEPT);
  let fullest: Snapshot | undefined;
  for (const snapshot of sorted) {
    if (now - snapshot.at > FULLEST_KEPT_MS) continue;
    if (!fullest || totalRecords(snapshot) > totalRecords(fullest)) fullest = snapshot;
  }
  if (fullest && !kept.includes(fullest)) kept.push(fullest);
  return kept;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A part's file: a JSON array, one record a line (like the export). */
function serializePart(records: readonly unknown[]): string {
  return records.length ? `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n` : '[]\n';
}

type AnyDatabase = IDBPDatabase<LoopDB>;
type StoredRecord = StoredRecords[StoreName][number];

interface ReadPart {
  name: string;
  store: StoreName;
  count: number;
  /** Undefined: unchanged since the previous snapshot (not read). */
  records?: StoredRecord[];
}

/**
 * One read-only transaction: which parts changed since `previous`, and their records. Parts are
 * compared by their counts and by `updatedAt` (an index range: a few records, not 100k); `full`
 * reads every part (after an import, whose records keep the times they had elsewhere).
 */
async function readParts(
  db: AnyDatabase,
  previous: Snapshot | undefined,
  full: boolean,
  now: number,
): Promise<{ parts: ReadPart[]; instance: DatabaseInstance | undefined; readAll: boolean }> {
  const names = [...db.objectStoreNames] as string[];
  const stores = STORES.filter((store) => names.includes(store));
  const withMeta = names.includes('meta');
  const tx = db.transaction([...stores, ...(withMeta ? (['meta'] as const) : [])], 'readonly');
  const parts: ReadPart[] = [];
  const instance = withMeta ? asInstance(await tx.objectStore('meta').get('instance')) : undefined;
  // Another database (or version) than the previous snapshot's: nothing of it can be reused. And
  // once a day every part is read whatever the counts say (an undone delete and another delete in
  // one part leave the count as it was).
  const readAll =
    full ||
    !previous ||
    previous.instance !== (instance?.id ?? '') ||
    previous.dbVersion !== db.version ||
    !(now - (previous.fullAt ?? 0) < FULL_READ_EVERY_MS);
  const reads: Promise<unknown>[] = [];
  // Every store at once: the requests queue in the one transaction, no round trip waits for another.
  await Promise.all(
    stores.map(async (store) => {
      const objectStore = tx.objectStore(store);
      // Resources and review cards in 16 parts; the other stores (a few thousand records at most) in one.
      const split = SPLIT_STORES[store] !== undefined;
      const partNames = SPLIT_STORES[store] ?? [store];
      const partOf = split ? resourcePartOf : () => 0;
      const rangeOf = (index: number) => (split ? resourcePartRange(index) : undefined);
      // Which parts hold a record written since the previous snapshot (an index range: a few
      // records, not the store), and how many each holds (a deletion leaves no newer time
      // behind, but one record fewer). Without the index (an older database), all are read.
      const canCompare = !readAll && objectStore.indexNames.contains('updatedAt');
      // An empty store answers one cursor instead of a count per part: after a library is
      // cleared, each ranged count walks the deleted entries until the browser compacts them.
      if (!(await objectStore.openKeyCursor())) {
        for (const name of partNames) parts.push({ name, store, count: 0, records: [] });
        return;
      }
      const [counts, recent] = await Promise.all([
        Promise.all(partNames.map((_, index) => objectStore.count(rangeOf(index)))),
        canCompare
          ? (objectStore
              .index('updatedAt' as never)
              .getAllKeys(IDBKeyRange.lowerBound(previous!.at - CHANGE_MARGIN_MS)) as Promise<string[]>)
          : Promise.resolve(null),
      ]);
      const touched = recent ? new Set(recent.map(partOf)) : null;
      partNames.forEach((name, index) => {
        const count = counts[index]!;
        const before = previous?.parts[name];
        const part: ReadPart = { name, store, count };
        parts.push(part);
        if (touched && before && !touched.has(index) && before.count === count) return;
        if (!count) part.records = [];
        else
          reads.push(
            objectStore.getAll(rangeOf(index)).then((records) => {
              part.records = records;
            }),
          );
      });
    }),
  );
  await Promise.all(reads);
  await tx.done;
  return { parts, instance, readAll };
}

export interface SnapshotOutcome {
  /** False: nothing changed since the newest snapshot, or the library is empty (nothing to keep). */
  written: boolean;
  snapshot: Snapshot | null;
}

function snapshotId(at: number): string {
  return `${at.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

async function collectGarbage(folder: FileSystemDirectoryHandle, kept: readonly Snapshot[]): Promise<void> {
  const used = new Set(kept.flatMap((s) => Object.values(s.parts).map((p) => p.file)));
  const names: string[] = [];
  for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  for (const name of names)
    if (name !== MANIFEST_FILE && name.includes('@') && !used.has(name))
      await folder.removeEntry(name).catch(() => undefined);
}

async function writeSnapshot(
  env: SnapshotEnv,
  db: AnyDatabase,
  reason: SnapshotReason,
  full: boolean,
): Promise<SnapshotOutcome> {
  const folder = await (env.folder ?? defaultFolder)();
  const manifest = await readManifest(folder);
  const previous = manifest.snapshots[0];
  const at = (env.now ?? Date.now)();
  const { parts: read, instance, readAll } = await readParts(db, previous, full, at);
  const counts = Object.fromEntries(STORES.map((store) => [store, 0])) as Record<StoreName, number>;
  for (const part of read) counts[part.store] += part.count;
  if (totalRecords({ counts }) === 0) return { written: false, snapshot: previous ?? null };

  const id = snapshotId(at);
  const parts: Record<string, SnapshotPart> = {};
  const toWrite: { name: string; text: string }[] = [];
  for (const part of read) {
    const before = previous?.parts[part.name];
    if (!part.records) {
      parts[part.name] = before!;
      continue;
    }
    const text = serializePart(part.records);
    const hash = await sha256(text);
    if (before && before.hash === hash) {
      parts[part.name] = before;
      continue;
    }
    const file = part.records.length ? `${part.name}@${id}.json` : '';
    if (file) toWrite.push({ name: file, text });
    parts[part.name] = {
      file,
      count: part.count,
      bytes: file ? new Blob([text]).size : 0,
      hash,
    };
  }
  const instanceId = instance?.id ?? '';
  const sameDatabase = previous && previous.instance === instanceId && previous.dbVersion === db.version;
  // Unchanged only when every part is the previous one: a part emptied since then has no file to
  // write, yet the previous snapshot still holds its records.
  const unchanged =
    Object.keys(parts).length === Object.keys(previous?.parts ?? {}).length &&
    Object.entries(parts).every(([name, part]) => part === previous?.parts[name]);
  if (previous && sameDatabase && unchanged) return { written: false, snapshot: previous };

  const written: string[] = [];
  try {
    for (const { name, text } of toWrite) {
      // Named before the write: a failed one leaves an empty file, which goes too.
      written.push(name);
      await writeWhole(folder, name, text);
      await env.onFileWritten?.();
    }
    const snapshot: Snapshot = {
      id,
      at,
      reason,
      dbVersion: db.version,
      backupVersion: env.backupVersion ?? 0,
      instance: instanceId,
      parts,
      counts,
      fullAt: readAll ? at : (previous?.fullAt ?? at),
      bytes: Object.values(parts).reduce((sum, p) => sum + p.bytes, 0),
      settings: env.settings ? await env.settings() : {},
    };
    const kept = retainSnapshots([snapshot, ...manifest.snapshots], at);
    await writeWhole(folder, MANIFEST_FILE, JSON.stringify({ ...manifest, snapshots: kept }));
    await collectGarbage(folder, kept);
    return { written: true, snapshot };
  } catch (error) {
    // The manifest still names the previous snapshot's files; this attempt's files are unused.
    for (const name of written) await folder.removeEntry(name).catch(() => undefined);
    throw error;
  }
}

export interface TakeSnapshotOptions extends SnapshotEnv {
  reason: SnapshotReason;
  /** Read every part, not only those whose ids or `updatedAt` changed. */
  full?: boolean;
}

/**
 * Take a snapshot of `options.db` now (unless nothing changed since the newest one). The database
 * is the caller's (lib/db/snapshot-now.ts opens the library's): open.ts loads this module before
 * an upgrade, so it must not import open.ts back.
 */
export function takeSnapshotOf(options: TakeSnapshotOptions & { db: LoopDatabase }): Promise<SnapshotOutcome> {
  return exclusive(async () => writeSnapshot(options, options.db, options.reason, options.full ?? false));
}

/** The snapshots kept, newest first (none where the browser keeps no files). */
export async function listSnapshots(env: SnapshotEnv = {}): Promise<Snapshot[]> {
  try {
    const folder = await (env.folder ?? defaultFolder)();
    return (await readManifest(folder)).snapshots;
  } catch (error) {
    if (error instanceof SnapshotsUnavailable) return [];
    throw error;
  }
}

/** Every record of one snapshot. */
export async function readSnapshot(snapshot: Snapshot, env: SnapshotEnv = {}): Promise<StoredRecords> {
  const folder = await (env.folder ?? defaultFolder)();
  const records = emptyStoredRecords();
  const names = Object.keys(snapshot.parts).sort();
  for (const name of names) {
    const part = snapshot.parts[name]!;
    if (!part.file) continue;
    const text = await readText(folder, part.file);
    if (text === null) throw new Error(`The snapshot file ${part.file} is missing`);
    const store = name.split('.')[0] as StoreName;
    (records[store] as StoredRecord[]).push(...(JSON.parse(text) as StoredRecord[]));
  }
  return records;
}
