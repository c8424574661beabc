/// <reference types="pouchdb-browser" />
import { openDB } from 'idb';
import PouchDB from 'pouchdb-browser';
import type { StoreRecord } from '../../../lib/model/stores';
import { readForSync, writeSynced } from '../../../lib/db/sync';
import type { LoopDatabase } from '../../../lib/db/open';
import { DB_VERSION, type LoopDB } from '../../../lib/db/schema';
import { upgradeDatabase } from '../../../lib/db/upgrade';
import type { Resource } from '../../../lib/model/resource';
import type { StoreName } from '../../../lib/model/stores';
import { syncPass, type SyncDeps } from '../../../lib/sync/engine';
import { mergeRecords } from '../../../lib/model/merge';
import { syncRules } from '../../../lib/sync/merge-records';
import type { OutboxEntry } from '../../../lib/sync/outbox';
import { SYNCED_SETTING_RULES } from '../../../lib/sync/chosen-settings';

type Db = PouchDB.Database<Record<string, unknown>>;
let counter = 0;

/**
 * A device for the sync tests: its own library (an IndexedDB database of the app's schema), its
 * own local PouchDB and outbox, and the one "server" they share (a PouchDB replicated with for
 * real: PouchDB's own replication, checkpoints and conflict trees, in memory).
 */
export interface Device {
  name: string;
  db: LoopDatabase;
  local: Db;
  put(store: StoreName, record: StoreRecord): Promise<void>;
  remove(store: StoreName, id: string): Promise<void>;
  /** A bulk write (an import, a replace): the store is marked whole, no ids. */
  replaceAll(store: StoreName, records: StoreRecord[]): Promise<void>;
  get<T = Resource>(store: StoreName, id: string): Promise<T | undefined>;
  all(store: StoreName): Promise<StoreRecord[]>;
  /** Runs once, when the next pass starts sending (between its take-in and its writes): a live replication's arrival. */
  beforeNextSend(work: () => Promise<unknown>): void;
  /** Runs once, at the next read of the library (in a send: after it listed what arrived, before it looks the documents up). */
  beforeNextRead(work: () => Promise<unknown>): void;
  /**
   * The synced settings as this device holds them (the fallbacks until chosen); `next` chooses
   * those settings now, as the user does in Settings, and marks the settings document.
   */
  settings(next?: Record<string, unknown>): Record<string, unknown>;
  /** When each setting this device holds was chosen (here, or on another device). */
  chosenAt(): Record<string, number>;
  sync(remote: Db): Promise<Awaited<ReturnType<typeof syncPass>>>;
  close(): Promise<void>;
}

export function newServer(): Db {
  return new PouchDB(`server-${++counter}-${Math.random().toString(36).slice(2)}`);
}

export async function newDevice(name: string, now: () => number = Date.now): Promise<Device> {
  const suffix = `${++counter}-${Math.random().toString(36).slice(2)}`;
  const db = (await openDB<LoopDB>(`loop-${name}-${suffix}`, DB_VERSION, {
    upgrade: (database, oldVersion, newVersion, tx) => upgradeDatabase(database, oldVersion, newVersion, tx),
  })) as LoopDatabase;
  const local = new PouchDB(`local-${name}-${suffix}`, { auto_compaction: false }) as Db;
  const marks = new Map<string, OutboxEntry>();
  let tick = 0;
  const mark = (store: StoreName, id: string) => {
    const key = `${store}/${id}`;
    marks.set(key, { key, target: store, id, at: ++tick });
  };
  let settings: Record<string, unknown> = { ...SYNCED_SETTING_RULES.fallbacks };
  let chosenAt: Record<string, number> = {};
  let beforeSend: (() => Promise<unknown>) | null = null;
  let beforeRead: (() => Promise<unknown>) | null = null;
  const deps = (remote: Db): SyncDeps => ({
    local,
    remote,
    read: async (store, ids) => {
      const work = beforeRead;
      beforeRead = null;
      if (work) await work();
      return readForSync(db, store, ids);
    },
    outbox: {
      read: async () => {
        const work = beforeSend;
        beforeSend = null;
        if (work) await work();
        return [...marks.values()];
      },
      clear: async (entries) => {
        for (const e of entries) if (marks.get(e.key)?.at === e.at) marks.delete(e.key);
      },
      mark: async (records) => {
        for (const r of records) mark(r.store, r.id);
      },
    },
    apply: (records) => writeSynced(db, records, syncRules(now)),
    announce: async () => undefined,
    settings: {
      read: async () => ({
        values: Object.fromEntries(Object.keys(chosenAt).map((name) => [name, settings[name]])),
        chosenAt: { ...chosenAt },
      }),
      apply: async (chosen) => {
        settings = { ...settings, ...chosen.values };
        chosenAt = { ...chosenAt, ...chosen.chosenAt };
      },
      rules: SYNCED_SETTING_RULES,
    },
    merge: (store, base, ours, theirs, at) => mergeRecords(store, base, ours, theirs, at ?? now()),
    now,
  });
  return {
    name,
    db,
    local,
    put: async (store, record) => {
      await (db as unknown as { put(s: string, r: unknown): Promise<unknown> }).put(store, record);
      mark(store, record.id);
    },
    remove: async (store, id) => {
      await db.delete(store, id);
      mark(store, id);
    },
    replaceAll: async (store, records) => {
      await db.clear(store);
      for (const record of records)
        await (db as unknown as { put(s: string, r: unknown): Promise<unknown> }).put(store, record);
      mark(store, '*');
    },
    get: async <T>(store: StoreName, id: string) => (await db.get(store, id)) as T | undefined,
    all: async (store) => (await db.getAll(store)) as StoreRecord[],
    beforeNextSend: (work) => {
      beforeSend = work;
    },
    beforeNextRead: (work) => {
      beforeRead = work;
    },
    settings: (next) => {
      if (next) {
        const at = now();
        settings = { ...settings, ...next };
        for (const name of Object.keys(next)) chosenAt[name] = at;
        marks.set('settings', { key: 'settings', target: 'settings', id: '*', at: ++tick });
      }
      return settings;
    },
    chosenAt: () => chosenAt,
    sync: (remote) => syncPass(deps(remote), { batchSize: 7 }),
    close: async () => {
      db.close();
      await local.destroy();
    },
  };
}

export function resource(id: string, fields: Partial<Resource> = {}): Resource {
  return {
    id,
    url: `https://blog.example.org/${id}`,
    canonicalUrl: `https://blog.example.org/${id}`,
    kind: 'article',
    title: `Post ${id}`,
    notes: '',
    clips: [],
    takeaways: [],
    tags: [],
    status: 'queued',
    createdAt: Date.UTC(2026, 10, 1),
    updatedAt: Date.UTC(2026, 10, 1),
    ...fields,
  };
}
