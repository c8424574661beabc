/**
 * Benchmark only (built when WXT_BENCH=1, see wxt.config.ts): the script of the page
 * `bench/lib/browser.mjs` opens to seed and inspect the database (bench-seed.html). A script of its own,
 * built apart from the pages, so the popup and library the benchmark times load exactly the files
 * of the store build: as a page's module it shared modules with them and split their chunks. It goes through the extension's own data layer (lib/db: the
 * schema, its upgrade steps and the one shared connection), in a few large transactions, so
 * 100,000 resources take seconds, not minutes.
 */
import { getDb } from '@/lib/db/open';
import { committed } from '@/lib/app/commit';
import { BACKUP_VERSION } from '@/lib/backup/format';
import { STORE_NAMES, type StoreName } from '@/lib/model/stores';
import type { Resource } from '@/lib/model/resource';
import type { ReviewCard } from '@/lib/model/review-card';
import { missingReviewCards } from '@/lib/model/review-card';
import {
  companionCounts,
  DEFAULT_SEED,
  makeAction,
  makeAssessment,
  makeExportFile,
  makePrompt,
  makeReflection,
  makeResource,
} from '@/bench/generate';

const BATCH = 10_000;
const STORES: StoreName[] = [...STORE_NAMES];

/**
 * Builds and queues one batch while the previous one commits: transactions on the same store
 * still commit in order, but cloning records on this thread overlaps the database's own work.
 */
async function putAll(store: StoreName, total: number, make: (index: number) => unknown): Promise<void> {
  const db = await getDb();
  const pending: Promise<void>[] = [];
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH);
    const tx = db.transaction(store, 'readwrite');
    // Every put is queued before the first await: one transaction, no round trip per record.
    // `never`: the records are built to the store's own type by bench/generate.ts.
    for (let i = from; i < to; i++) void tx.store.put(make(i) as never);
    pending.push(tx.done);
    // Yield so the database sees the commit before the next batch is built.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await Promise.all(pending);
}

/** Seeds `resources` resources and their companions; returns what it wrote and how long it took. */
async function seed(
  resources: number,
  seedValue = DEFAULT_SEED,
): Promise<{ ms: number; counts: Record<StoreName, number> }> {
  const start = performance.now();
  const extra = companionCounts(resources);
  // Different stores commit side by side.
  await Promise.all([
    putAll('resources', resources, (i) => makeResource(seedValue, i, resources)),
    putAll('reflections', extra.reflections, (i) => makeReflection(seedValue, i, extra.reflections, resources)),
    putAll('actions', extra.actions, (i) => makeAction(seedValue, i, extra.actions)),
    putAll('prompts', extra.prompts, (i) => makePrompt(seedValue, i)),
    putAll('assessments', extra.assessments, (i) => makeAssessment(seedValue, i, extra.assessments)),
  ]);
  await committed({ stores: STORES });
  return { ms: performance.now() - start, counts: await counts() };
}

async function counts(): Promise<Record<StoreName, number>> {
  const db = await getDb();
  const out = {} as Record<StoreName, number>;
  for (const store of STORES) out[store] = await db.count(store);
  return out;
}

async function clearAll(): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(STORES, 'readwrite');
  for (const store of STORES) void tx.objectStore(store).clear();
  await tx.done;
  await committed({ stores: STORES });
}

/** The newest resource's title: what the popup and library show first. */
async function newestTitle(): Promise<string | null> {
  const db = await getDb();
  const cursor = await db.transaction('resources').store.index('createdAt').openCursor(null, 'prev');
  return cursor?.value.title ?? null;
}

// lib/backup's own entry points (importText; buildBackup + serializeBackup), found by name at
// run time so this page builds whether or not that module exists yet or has changed shape.
const backupModules = import.meta.glob<Record<string, unknown>>(['../lib/backup/import.ts', '../lib/backup/export.ts']);
type AnyFunction = (...args: unknown[]) => unknown;
async function backupFunction(name: string): Promise<AnyFunction | null> {
  for (const load of Object.values(backupModules)) {
    const found = (await load())[name];
    if (typeof found === 'function') return found as AnyFunction;
  }
  return null;
}

/** Import through lib/backup without the UI, into an emptied database. */
async function libImport(
  text: string,
): Promise<{ ms: number; phases: Record<string, number>; counts: Record<StoreName, number> } | { na: string }> {
  const importText = await backupFunction('importText');
  if (!importText) return { na: 'lib/backup has no importText()' };
  await clearAll();
  // When each phase it reports (checking, saving…) began, in ms from the start.
  const phases: Record<string, number> = {};
  const start = performance.now();
  const onProgress = (progress: { phase?: string }) => {
    if (progress.phase && !(progress.phase in phases)) phases[progress.phase] = performance.now() - start;
  };
  await importText(text, 'learning-loop-bench.json', { onProgress });
  const ms = performance.now() - start;
  return { ms, phases, counts: await counts() };
}

/** Export through lib/backup without the UI: every store read, serialised, made a Blob. */
async function libExport(keepText = false): Promise<{ ms: number; bytes: number; text?: string } | { na: string }> {
  const build = await backupFunction('buildBackup');
  const serialize = await backupFunction('serializeBackup');
  if (!build || !serialize) return { na: 'lib/backup has no buildBackup() and serializeBackup()' };
  const start = performance.now();
  const text = serialize(await build()) as string;
  const blob = new Blob([text], { type: 'application/json' });
  return { ms: performance.now() - start, bytes: blob.size, ...(keepText ? { text } : {}) };
}

/**
 * The automatic snapshot (lib/db/snapshot.ts): `full` from nothing (the first one, or after an
 * import), `change` after one resource's note changed (the usual case: a few minutes after typing).
 */
async function snapshot(kind: 'full' | 'change'): Promise<{ ms: number; bytes: number; written: boolean }> {
  const { takeSnapshot } = await import('@/lib/db/snapshot-now');
  if (kind === 'full') {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('snapshots', { recursive: true }).catch(() => undefined);
  } else {
    const db = await getDb();
    const cursor = await db.transaction('resources').store.openCursor();
    if (cursor) {
      const record = cursor.value;
      await db.put('resources', { ...record, notes: `${record.notes}\nOne more thought`, updatedAt: Date.now() });
    }
  }
  const start = performance.now();
  const outcome = await takeSnapshot({ reason: 'manual' });
  return { ms: performance.now() - start, bytes: outcome.snapshot?.bytes ?? 0, written: outcome.written };
}

/**
 * The floors the import and export figures are compared with, in the same run: the records of an
 * export file put into their stores in one transaction (no parsing timed, no checks, no promise
 * per put), and every store read with getAll in one transaction.
 */
async function rawPuts(text: string): Promise<{ ms: number; records: number }> {
  const file = JSON.parse(text) as Record<string, unknown>;
  // The import stores every record of the file plus a review card for each takeaway, quote and
  // clip the file has none for (an export of the seeded library has none): the same records here.
  const resources = (file.resources ?? []) as Resource[];
  const known = new Map(((file.reviews ?? []) as ReviewCard[]).map((card) => [card.id, card]));
  file.reviews = [...known.values(), ...missingReviewCards(resources, known, Date.now())];
  const db = await getDb();
  const stores = STORES.filter((name) => Array.isArray(file[name]));
  await clearAll();
  let records = 0;
  const start = performance.now();
  const tx = db.transaction(stores, 'readwrite');
  for (const name of stores)
    for (const record of file[name] as unknown[]) {
      void tx.objectStore(name).put(record as never);
      records++;
    }
  await tx.done;
  const ms = performance.now() - start;
  await clearAll();
  return { ms, records };
}

/**
 * The floor of an import of highlights: the books with their quotes and the quotes' review cards
 * that the import writes (planned here untimed, from the same file, into an empty library), put in
 * one transaction.
 */
async function rawHighlightPuts(text: string): Promise<{ ms: number; records: number }> {
  const { parseReadwise } = await import('@/lib/backup/readwise');
  const { planHighlights } = await import('@/lib/backup/highlights');
  const plan = planHighlights([], [], parseReadwise(text), Date.now(), 10);
  const db = await getDb();
  await clearAll();
  const start = performance.now();
  const tx = db.transaction(['resources', 'reviews'], 'readwrite');
  for (const record of plan.resources) void tx.objectStore('resources').put(record);
  for (const record of plan.reviews) void tx.objectStore('reviews').put(record);
  await tx.done;
  const ms = performance.now() - start;
  await clearAll();
  return { ms, records: plan.resources.length + plan.reviews.length };
}

async function rawReads(): Promise<{ ms: number; resourcesMs: number; records: number }> {
  const db = await getDb();
  const stores = STORES;
  const start = performance.now();
  const tx = db.transaction(stores);
  const all = await Promise.all(stores.map((name) => tx.objectStore(name).getAll()));
  await tx.done;
  const ms = performance.now() - start;
  const onlyResources = performance.now();
  await db.getAll('resources');
  return { ms, resourcesMs: performance.now() - onlyResources, records: all.reduce((n, rows) => n + rows.length, 0) };
}

/**
 * A review card for every takeaway, quote and clip, as an import of this library writes them:
 * each first due the day after its item was written, so all but the newest are due. The heaviest
 * review queue a user can have; `removeReviews` takes them away again for the figures after it.
 */
async function seedReviews(): Promise<{ cards: number; due: number }> {
  const db = await getDb();
  const cards = missingReviewCards(await db.getAll('resources'), new Map(), Date.now());
  const tx = db.transaction('reviews', 'readwrite');
  for (const card of cards) void tx.store.put(card);
  await tx.done;
  await committed({ stores: ['reviews'] });
  return { cards: cards.length, due: cards.filter((card) => (card.due ?? 0) <= Date.now()).length };
}

async function removeReviews(): Promise<void> {
  const db = await getDb();
  await db.clear('reviews');
  await committed({ stores: ['reviews'] });
}

export default defineUnlistedScript(() => {
  Object.assign(globalThis, {
    bench: {
      rawPuts,
      rawHighlightPuts,
      rawReads,
      snapshot,
      seed,
      counts,
      clearAll,
      seedReviews,
      removeReviews,
      newestTitle,
      libImport,
      libExport,
      // The generator's records have today's shapes: the file says so.
      exportFile: (n: number, seedValue = DEFAULT_SEED) => makeExportFile(seedValue, n, BACKUP_VERSION),
      ready: true,
    },
  });
});
