import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDB, type IDBPDatabase } from 'idb';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RECORD_SCHEMAS } from '../../../lib/model/schemas';
import { listSnapshots, readSnapshot } from '../../../lib/backup/snapshot';
import { closeDb, getDb } from '../../../lib/db/open';
import { DB_NAME, DB_VERSION } from '../../../lib/db/schema';
import type { DatabaseInstance, StoreName } from '../../../lib/model/stores';

interface IndexShape {
  keyPath: string;
  unique?: boolean;
  multiEntry?: boolean;
}
interface Fixture {
  version: number;
  schema: Record<string, { keyPath: string | null; indexes: Record<string, IndexShape> }>;
  /** From version 4: the database's own record (out-of-line key 'instance'). */
  meta?: { instance: DatabaseInstance };
  records: Partial<Record<StoreName, Record<string, unknown>[]>>;
  /** When an upgrade rewrites records: what they must read as afterwards (else `records`). */
  expected?: Partial<Record<StoreName, Record<string, unknown>[]>>;
}

const dir = join(import.meta.dirname, '../../fixtures/db');
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture)
  .sort((a, b) => a.version - b.version);

/**
 * Build the database exactly as that released version left it: its stores and indexes (from the
 * fixture, so later edits to upgrade.ts cannot quietly change the past) and its records.
 */
async function createOldDatabase(fixture: Fixture): Promise<void> {
  const db = await openDB(DB_NAME, fixture.version, {
    upgrade(database) {
      for (const [name, store] of Object.entries(fixture.schema)) {
        const created = database.createObjectStore(name, store.keyPath ? { keyPath: store.keyPath } : {});
        for (const [index, shape] of Object.entries(store.indexes))
          created.createIndex(index, shape.keyPath, {
            unique: shape.unique ?? false,
            multiEntry: shape.multiEntry ?? false,
          });
      }
    },
  });
  const stores = [...Object.keys(fixture.records), ...(fixture.meta ? ['meta'] : [])];
  const tx = db.transaction(stores, 'readwrite');
  for (const [store, records] of Object.entries(fixture.records))
    for (const record of records) void tx.objectStore(store).put(record);
  if (fixture.meta) void tx.objectStore('meta').put(fixture.meta.instance, 'instance');
  await tx.done;
  db.close();
}

/** Stores and indexes, as the browser reports them (works for idb's wrapper and a raw connection). */
function describeSchema(db: object): Record<string, unknown> {
  const raw = db as IDBDatabase;
  const tx = raw.transaction([...raw.objectStoreNames], 'readonly');
  const out: Record<string, unknown> = {};
  for (const name of [...raw.objectStoreNames].sort()) {
    const store = tx.objectStore(name);
    const indexes: Record<string, unknown> = {};
    for (const index of [...store.indexNames].sort()) {
      const shape = store.index(index);
      indexes[index] = { keyPath: shape.keyPath, unique: shape.unique, multiEntry: shape.multiEntry };
    }
    out[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  }
  return out;
}

function byId(list: Record<string, unknown>[]): Record<string, unknown>[] {
  return [...list].sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

describe('database fixtures', () => {
  it('there is a fixture for every version, up to the current one', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });
});

describe.each(fixtures.map((f) => [f.version, f] as const))('upgrading a version-%i database', (_version, fixture) => {
  it('keeps every record, field for field, and ends with the schema of a fresh install', async () => {
    // The schema a new user gets.
    const fresh = describeSchema(await getDb());
    await closeDb();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });

    await createOldDatabase(fixture);
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect(describeSchema(db)).toEqual(fresh);

    const expected = { ...fixture.records, ...fixture.expected };
    // The database's own record: kept as it was, or made by the upgrade that added it.
    const instance = await db.get('meta', 'instance');
    if (fixture.meta) expect(instance).toEqual(fixture.meta.instance);
    else expect(instance).toEqual({ id: expect.any(String), createdAt: expect.any(Number), fresh: false, settled: [] });
    for (const store of Object.keys(fresh).filter((name) => name !== 'meta') as StoreName[]) {
      const stored = (await db.getAll(store)) as unknown as Record<string, unknown>[];
      expect(byId(stored), store).toEqual(byId(expected[store] ?? []));
      // What an old version stored can still be exported and imported.
      for (const record of stored)
        expect(v.safeParse(RECORD_SCHEMAS[store], record).issues, `${store} ${String(record.id)}`).toBeUndefined();
    }
  });

  it.runIf(fixture.version < DB_VERSION)(
    'before the upgrade, a snapshot of the records as they were (outside the database)',
    async () => {
      await closeDb();
      await createOldDatabase(fixture);
      await getDb();
      const [snapshot, ...others] = await listSnapshots();
      expect(others).toEqual([]);
      expect(snapshot).toMatchObject({
        reason: 'upgrade',
        dbVersion: fixture.version,
        instance: fixture.meta?.instance.id ?? '',
      });
      const records = await readSnapshot(snapshot!);
      for (const [store, list] of Object.entries(fixture.records))
        expect(byId(records[store as StoreName] as unknown as Record<string, unknown>[]), store).toEqual(byId(list));
    },
  );

  it('through an extension update (onInstalled, reason "update"): upgraded, nothing lost', async () => {
    await createOldDatabase(fixture);
    const { startBackground } = await import('../background-harness');
    const stop = startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    stop();
    // The listener opened the database (running the upgrade) before anything else asked.
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    for (const [store, records] of Object.entries({ ...fixture.records, ...fixture.expected })) {
      expect(byId((await db.getAll(store as StoreName)) as unknown as Record<string, unknown>[])).toEqual(
        byId(records),
      );
    }
  });
});

describe('version 6: takeaways become items, and every item gets a review card', () => {
  it('a bulleted text splits one item per bullet (continuation lines kept), a conflict version joins as items', async () => {
    await closeDb();
    const v5 = fixtures.find((f) => f.version === 5)!;
    const [first] = v5.records.resources!;
    const record = {
      ...first,
      id: 'bullets',
      canonicalUrl: 'https://example.org/bullets',
      takeaways: '- Ask first\n  then listen\n\n* Write it down\n1. Follow up in a week',
      conflicts: [{ field: 'takeaways', text: 'Write it down\nShare it with the team', at: 1_700_000_500_000 }],
      quotes: [{ id: 'q', exact: 'Learning is a team sport.', note: '', createdAt: 1_700_000_600_000 }],
      clips: [],
    };
    await createOldDatabase({ ...v5, records: { resources: [record] } });
    const db = await getDb();
    const stored = await db.get('resources', 'bullets');
    expect(stored!.takeaways.map((item) => item.text)).toEqual([
      'Ask first\nthen listen',
      'Write it down',
      'Follow up in a week',
      'Share it with the team',
    ]);
    expect(stored!.conflicts).toBeUndefined();
    // The conflict's lines keep the time they were written.
    expect(stored!.takeaways[3]!.createdAt).toBe(1_700_000_500_000);
    const cards = await db.getAllFromIndex('reviews', 'resourceId', 'bullets');
    expect(cards.map((card) => [card.itemKind, card.due])).toEqual(
      expect.arrayContaining([
        ['takeaway', (first!.createdAt as number) + 86_400_000],
        ['quote', 1_700_000_600_000 + 86_400_000],
      ]),
    );
    expect(cards).toHaveLength(5);
  });
});

describe('an upgrade while another page holds the database', () => {
  /** A page still running the previous version's code: the version-1 step, and open.ts's handling. */
  async function oldPage() {
    const v1 = fixtures[0]!;
    vi.resetModules();
    vi.doMock('../../../lib/db/schema', async (original) => ({ ...(await original<object>()), DB_VERSION: 1 }));
    vi.doMock('../../../lib/db/upgrade', () => ({
      upgradeDatabase: (db: IDBPDatabase<unknown>) => {
        for (const [name, store] of Object.entries(v1.schema)) {
          const created = db.createObjectStore(name, { keyPath: store.keyPath });
          for (const [index, shape] of Object.entries(store.indexes))
            created.createIndex(index, shape.keyPath, {
              unique: shape.unique ?? false,
              multiEntry: shape.multiEntry ?? false,
            });
        }
      },
    }));
    const open = await import('../../../lib/db/open');
    // Its upgrade steps load with its first open: opened while they are the old ones.
    const db = await open.getDb();
    vi.doUnmock('../../../lib/db/schema');
    vi.doUnmock('../../../lib/db/upgrade');
    vi.resetModules();
    return { open, db };
  }

  it('the old page closes its connection and reloads; the upgrade neither hangs nor loses its writes', async () => {
    await closeDb();
    const { open: old, db: oldDb } = await oldPage();
    const reload = vi.fn();
    old.onDatabaseVersionChange(reload);
    expect(oldDb.version).toBe(1);
    const [first, second] = fixtures[0]!.records.resources!;
    await oldDb.put('resources', first as never);
    // A write still running when the new version asks to upgrade.
    const inFlight = oldDb.put('resources', second as never);

    const upgraded = await Promise.race([
      getDb(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000)),
    ]);
    expect(upgraded, 'the upgrade waited for the old page').not.toBeNull();
    await inFlight;
    expect(reload).toHaveBeenCalledTimes(1);
    expect(upgraded!.version).toBe(DB_VERSION);
    // As the upgrade steps since leave them (version 5: moments became clips).
    const [firstNow, secondNow] = fixtures[0]!.expected?.resources ?? [first, second];
    expect(byId((await upgraded!.getAll('resources')) as unknown as Record<string, unknown>[])).toEqual(
      byId([firstNow!, secondNow!]),
    );
    // The old page's connection is closed: it writes nothing more on the old schema.
    await expect(oldDb.put('resources', { ...first!, id: 'late' } as never)).rejects.toThrow();
  });
});

describe('the upgrade steps load only when a database needs them', () => {
  /** open.ts afresh, with upgrade.ts replaced by a module that says when it loads. */
  async function openWithWatchedSteps() {
    const loads = { count: 0 };
    vi.resetModules();
    vi.doMock('../../../lib/db/upgrade', async (original) => {
      loads.count++;
      return original<object>();
    });
    const open = await import('../../../lib/db/open');
    return { open, loads };
  }

  it('a current database opens without them; a new one loads them and is created whole', async () => {
    await closeDb();
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = request.onerror = resolve;
    });
    const first = await openWithWatchedSteps();
    const created = await first.open.getDb();
    expect(first.loads.count).toBe(1);
    expect(created.version).toBe(DB_VERSION);
    expect([...created.objectStoreNames].sort()).toEqual([...(await getDb()).objectStoreNames].sort());
    await first.open.closeDb();

    const again = await openWithWatchedSteps();
    const reopened = await again.open.getDb();
    expect(reopened.version).toBe(DB_VERSION);
    expect(again.loads.count).toBe(0);
    await again.open.closeDb();
    vi.doUnmock('../../../lib/db/upgrade');
    vi.resetModules();
  });
});
