/// <reference types="pouchdb-browser" />
import { sameValue } from '../model/merge';
import type { StoreRecord } from '../model/stores';
import type { SyncedRecord, SyncedWrite } from '../db/sync';
import type { StoreName } from '../model/stores';
import type { OutboxEntry } from './outbox';
import {
  checkRemoteDoc,
  docId,
  MAX_DOC_CHARS,
  parseDocId,
  type RecordDoc,
  SETTINGS_DOC_ID,
  type SettingsDoc,
} from './records';
import {
  type ChosenSettings,
  chosenInDoc,
  choicesToTake,
  mergeChosen,
  NO_CHOICES,
  sameChoices,
  type SettingsRules,
} from './settings-merge';
import type { SyncSkipped } from '../settings';

/**
 * One sync pass between the library (IndexedDB, the source of truth) and the server, through a
 * local PouchDB that replication keeps in step with the server. PouchDB does the replication
 * (checkpoints, `_revs_diff`, `_bulk_get`, resuming where it stopped); this module only moves
 * records between the library and the local PouchDB:
 *
 * 1. what arrived in the local PouchDB and is not in the library yet is written first, so a
 *    record here is never sent over a newer one from the server unseen;
 * 2. what the outbox marks (every command marks its writes) goes into the local PouchDB, each
 *    document written as a child of the revision the library last took in;
 * 3. replication both ways;
 * 4. what came back is checked (lib/sync/records.ts) and written through the application
 *    layer, merged three-way against the version this device had: the base is the newest
 *    revision in the document's history whose body this device still holds.
 *
 * Two devices that edited one record offline leave CouchDB a conflict (two leaf revisions): it
 * is resolved here by the one merge rule, from the common ancestor of the two leaves, the
 * result written onto the winning revision and the other leaf deleted. Every device orders the
 * leaves the same way (CouchDB's winner first), so each writes the same record.
 */

type Db = PouchDB.Database<Record<string, unknown>>;
type AnyDoc = PouchDB.Core.ExistingDocument<Record<string, unknown>> & {
  _conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
  _deleted?: boolean;
};

export interface SyncDeps {
  local: Db;
  remote: Db;
  /** The library's records for the outbox's marks (lib/db/sync.ts readForSync). */
  read(store: StoreName, ids: readonly string[]): Promise<Map<string, StoreRecord>>;
  /** Every document id of a store the local PouchDB holds, for a whole-store mark (deletions). */
  outbox: {
    read(): Promise<OutboxEntry[]>;
    clear(entries: readonly OutboxEntry[]): Promise<void>;
    mark(records: { store: StoreName; id: string }[]): Promise<void>;
  };
  /** The application layer: merge and write one batch (lib/db/sync.ts writeSynced)… */
  apply(records: SyncedRecord[]): Promise<SyncedWrite>;
  /** …and, once every batch is in, tell open pages and the background (once, not per batch). */
  announce(written: ReadonlyMap<StoreName, readonly string[]>): Promise<void>;
  /** The synced settings (lib/sync/chosen-settings.ts), merged setting by setting (lib/sync/settings-merge.ts). */
  settings: {
    /** The settings this device holds as chosen, each with when. */
    read(): Promise<ChosenSettings>;
    /** Take in choices made later elsewhere (checked by `rules` already). */
    apply(chosen: ChosenSettings): Promise<void>;
    rules: SettingsRules;
  };
  merge(
    store: StoreName,
    base: StoreRecord | undefined,
    ours: StoreRecord,
    theirs: StoreRecord,
    at?: number,
  ): StoreRecord;
  now(): number;
}

export interface PassResult {
  sent: number;
  received: number;
  skipped: SyncSkipped[];
  /** Records marked here and not yet on the server after the pass (0 when it went through). */
  pending: number;
}

const STATE_ID = '_local/learning-loop';
const CHANGES_BATCH = 500;
/** Documents per replication batch: fewer round trips on a first sync; an interrupted one resumes at the last whole batch. */
export const REPLICATION_BATCH = 500;

interface PassState {
  _id: string;
  _rev?: string;
  appliedSeq: number | string;
}

async function readState(local: Db): Promise<PassState> {
  try {
    return (await local.get(STATE_ID)) as unknown as PassState;
  } catch {
    return { _id: STATE_ID, appliedSeq: 0 };
  }
}

function leafBody(doc: AnyDoc): Record<string, unknown> {
  const { _id, _rev, _conflicts, _revisions, _deleted, ...body } = doc;
  return body;
}

/** Every leaf of a document (CouchDB keeps each branch two devices made), with its history. */
async function leavesOf(local: Db, id: string): Promise<AnyDoc[]> {
  const found = (await local.get(id, { open_revs: 'all', revs: true } as never)) as unknown as { ok?: AnyDoc }[];
  return found.flatMap((entry) => (entry.ok ? [entry.ok] : []));
}

/**
 * The bodies of every revision of a document this device still holds, leaves first: what it
 * wrote or took in before. Revisions that came from the server only as history are stubs here.
 */
async function heldVersions(local: Db, leaves: readonly AnyDoc[]): Promise<AnyDoc[]> {
  const out: AnyDoc[] = [];
  const seen = new Set<string>();
  for (const leaf of leaves) {
    const history = leaf._revisions;
    if (!history) continue;
    for (let i = 0; i < Math.min(history.ids.length, 20); i++) {
      const rev = `${history.start - i}-${history.ids[i]}`;
      if (seen.has(rev)) continue;
      seen.add(rev);
      if (i === 0) {
        if (!leaf._deleted) out.push(leaf);
        continue;
      }
      try {
        const old = (await local.get(leaf._id, { rev })) as AnyDoc;
        if (!old._deleted) out.push(old);
      } catch {
        // Only a stub here: look further back.
      }
    }
  }
  return out;
}

function revKey(start: number, id: string): string {
  return `${start}-${id}`;
}

/** The common ancestor of two leaves whose body this device holds. */
async function commonBase(local: Db, a: AnyDoc, b: AnyDoc): Promise<AnyDoc | undefined> {
  if (!a._revisions || !b._revisions) return undefined;
  const inB = new Set(b._revisions.ids.map((id, i) => revKey(b._revisions!.start - i, id)));
  const ids = a._revisions.ids;
  for (let i = 1; i < ids.length; i++) {
    const rev = revKey(a._revisions.start - i, ids[i]!);
    if (!inB.has(rev)) continue;
    try {
      const old = (await local.get(a._id, { rev })) as AnyDoc;
      if (!old._deleted) return old;
    } catch {
      // A stub: older still.
    }
  }
  return undefined;
}

function recordOf(doc: AnyDoc | undefined): StoreRecord | undefined {
  if (!doc || doc._deleted) return undefined;
  const checked = checkRemoteDoc(doc);
  return checked.ok ? checked.record : undefined;
}

/** A leaf this module deleted because its text was merged into the winner: not a removal. */
const MERGED = 'mergedInto';
/**
 * A user's removal says which version it removed (that version's `updatedAt`): a device whose
 * record is newer than that made an edit the removal never saw, and keeps it (`editMetRemoval`).
 */
const REMOVED_VERSION = 'removedVersion';

/**
 * Whether a removal taken in meets an edit made here: the library's record is newer than the
 * version any removal among the document's leaves removed. Removals stay removed; the caller
 * keeps the edit and the library says so. A tombstone from before removals named their version
 * carries nothing to compare and removes as it always did.
 */
async function editMetRemoval(local: Db, id: string, current: StoreRecord): Promise<boolean> {
  let removed: number | undefined;
  for (const leaf of await leavesOf(local, id)) {
    const version = (leaf as Record<string, unknown>)[REMOVED_VERSION];
    if (leaf._deleted && typeof version === 'number') removed = Math.max(removed ?? version, version);
  }
  return removed !== undefined && current.updatedAt > removed;
}
/** Conflicts this device resolved since the last push: the resolution goes to the server in the same pass. */
let resolved = 0;

/**
 * A document with more than one leaf in the local PouchDB (two devices wrote it offline):
 * returns the one left. A leaf a user deleted wins (removals stay removed); live leaves merge by
 * the one rule from their common ancestor, written onto CouchDB's winner, the others deleted
 * with a mark that they were merged (so they do not read as removals). The settings document
 * merges setting by setting, each the later choice (lib/sync/settings-merge.ts).
 */
async function resolveLeaves(deps: SyncDeps, id: string): Promise<AnyDoc | null> {
  const { local } = deps;
  const leaves = await leavesOf(local, id);
  const live = leaves.filter((leaf) => !leaf._deleted);
  const removed = leaves.some((leaf) => leaf._deleted && (leaf as Record<string, unknown>)[MERGED] === undefined);
  if (live.length <= 1 && !removed) return live[0] ?? null;
  if (!live.length) return null;
  const winner = (await local.get(id, { revs: true })) as AnyDoc;
  const others = live.filter((leaf) => leaf._rev !== winner._rev);
  const writes: Record<string, unknown>[] = [];
  if (removed) {
    for (const leaf of live) writes.push({ _id: id, _rev: leaf._rev, _deleted: true });
    await local.bulkDocs(writes as never);
    return null;
  }
  let body: Record<string, unknown> = leafBody(winner);
  for (const loser of others) {
    if (id === SETTINGS_DOC_ID) {
      const merged = mergeChosen(choicesIn(deps, body), choicesIn(deps, leafBody(loser)));
      // Its time comes from the leaves, as a record's does: every device writes the same document.
      const times = [body.updatedAt, leafBody(loser).updatedAt].filter((t): t is number => typeof t === 'number');
      body = settingsBody(merged, Math.max(0, ...times)) as unknown as Record<string, unknown>;
      resolved++;
      continue;
    }
    const ours = recordOf({ ...winner, ...body } as AnyDoc);
    const theirs = recordOf(loser);
    const named = parseDocId(id);
    if (!named || !ours || !theirs) {
      // A leaf that fails the checks is dropped; the valid one stays.
      if (!ours && theirs) body = leafBody(loser);
      continue;
    }
    const base = recordOf(await commonBase(local, winner, loser));
    // Its time comes from the records, not the clock: every device resolving this conflict
    // writes the very same record.
    const at = Math.max(ours.updatedAt, theirs.updatedAt);
    body = { store: named.store, record: deps.merge(named.store, base, ours, theirs, at) };
    resolved++;
  }
  for (const loser of others) writes.push({ _id: id, _rev: loser._rev, _deleted: true, [MERGED]: winner._rev });
  if (!sameValue(body, leafBody(winner))) writes.push({ ...body, _id: id, _rev: winner._rev });
  await local.bulkDocs(writes as never);
  return (await local.get(id, { revs: true })) as AnyDoc;
}

/** Step 1 and 4: what the local PouchDB has that the library has not taken in yet. */
export async function takeIn(deps: SyncDeps): Promise<{ received: number; skipped: SyncSkipped[] }> {
  const { local } = deps;
  const state = await readState(local);
  let since = state.appliedSeq;
  let received = 0;
  const skipped: SyncSkipped[] = [];
  const written = new Map<StoreName, string[]>();
  for (;;) {
    const changes = await local.changes({ since, limit: CHANGES_BATCH, include_docs: true, style: 'all_docs' });
    if (!changes.results.length) break;
    const records: SyncedRecord[] = [];
    const docs: AnyDoc[] = [];
    for (const change of changes.results) {
      let doc = change.doc as AnyDoc | undefined;
      if (!doc || doc._id.startsWith('_')) continue;
      if (change.changes.length > 1) {
        const left = await resolveLeaves(deps, doc._id);
        doc = left ?? ({ _id: doc._id, _rev: doc._rev, _deleted: true } as AnyDoc);
      }
      docs.push(doc);
    }
    const here = await libraryCopies(deps, docs);
    for (const doc of docs) {
      if (doc._id === SETTINGS_DOC_ID) {
        const settled = await settleSettings(deps, doc);
        if (settled.took) received++;
        // This device's later choices go back in this pass (syncPass pushes again on `resolved`).
        if (settled.wrote) resolved++;
        continue;
      }
      const named = parseDocId(doc._id);
      if (!named) continue;
      const current = here.get(doc._id);
      if (doc._deleted) {
        if (!current) continue;
        const keepEdit = named.store === 'resources' && (await editMetRemoval(local, doc._id, current));
        records.push({ store: named.store, id: named.id, incoming: null, ...(keepEdit ? { keepEdit } : {}) });
        continue;
      }
      const checked = checkRemoteDoc(doc);
      if (!checked.ok) {
        skipped.push({ id: checked.id, reason: checked.reason });
        continue;
      }
      // The library has this already (most often: what this device sent itself).
      if (current && sameValue(current, checked.record)) continue;
      // Only a record the library holds differently needs what this device had before: when
      // the library holds exactly a version it exchanged, it has nothing unsent and takes the
      // server's; else the newest version it held is the base of a three-way merge.
      let base: StoreRecord | undefined;
      if (current) {
        const held = (await heldVersions(local, await leavesOf(local, doc._id)))
          .filter((version) => version._rev !== doc._rev)
          .map(recordOf)
          .filter((record): record is StoreRecord => record !== undefined);
        base = held.find((record) => sameValue(record, current)) ?? held[0];
      }
      records.push({ store: checked.store, id: checked.id, incoming: checked.record, ...(base ? { base } : {}) });
    }
    const result = await deps.apply(records);
    for (const [store, ids] of result.written) {
      received += ids.length;
      written.set(store, [...(written.get(store) ?? []), ...ids]);
    }
    if (result.sendBack.length) await deps.outbox.mark(result.sendBack);
    since = changes.last_seq;
    await local.put({ ...(await readState(local)), appliedSeq: since } as never);
    if (changes.results.length < CHANGES_BATCH) break;
  }
  if (written.size) await deps.announce(written);
  return { received, skipped };
}

async function libraryCopies(deps: SyncDeps, docs: readonly AnyDoc[]): Promise<Map<string, StoreRecord>> {
  const byStore = new Map<StoreName, string[]>();
  for (const doc of docs) {
    const named = parseDocId(doc._id);
    if (!named) continue;
    const ids = byStore.get(named.store) ?? [];
    ids.push(named.id);
    byStore.set(named.store, ids);
  }
  const out = new Map<string, StoreRecord>();
  for (const [store, ids] of byStore) {
    // Review card ids hold slashes, so each is read as itself, never as a resource's cards.
    for (const [id, record] of await deps.read(store, ids)) out.set(docId(store, id), record);
  }
  return out;
}

/**
 * Step 2: what the outbox marks, into the local PouchDB. Returns how many documents were
 * written, and the marks it handled: they are cleared only once replication has taken them to
 * the server, so a pass cut before that still counts them as waiting.
 */
export async function sendOut(deps: SyncDeps): Promise<{ written: number; done: OutboxEntry[] }> {
  const { local } = deps;
  const entries = await deps.outbox.read();
  if (!entries.length) return { written: 0, done: [] };
  const done: OutboxEntry[] = [];
  let written = 0;
  const { appliedSeq } = await readState(local);
  const waiting: { store: StoreName; id: string }[] = [];
  const byStore = new Map<StoreName, OutboxEntry[]>();
  for (const entry of entries) {
    if (entry.target === 'settings') {
      written += await sendSettings(deps);
      done.push(entry);
      continue;
    }
    const list = byStore.get(entry.target) ?? [];
    list.push(entry);
    byStore.set(entry.target, list);
  }
  for (const [store, marks] of byStore) {
    const whole = marks.some((m) => m.id === '*');
    const ids = whole ? ['*'] : marks.map((m) => m.id);
    const records = await deps.read(store, ids);
    // The documents those marks may name: a whole store, a resource's cards, or single records.
    const docIds = new Set<string>();
    const known = new Map<string, { rev: string; deleted: boolean; record?: unknown }>();
    const ranges = whole
      ? [`${store}/`]
      : store === 'reviews'
        ? marks.filter((m) => !m.id.includes('/')).map((m) => `${store}/${m.id}/`)
        : [];
    for (const prefix of ranges) {
      const all = await local.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
      for (const row of all.rows) {
        docIds.add(row.id);
        known.set(row.id, { rev: row.value.rev, deleted: false, record: (row.doc as { record?: unknown })?.record });
      }
    }
    for (const mark of marks) if (mark.id !== '*') docIds.add(docId(store, mark.id));
    for (const id of records.keys()) docIds.add(docId(store, id));
    const unknownIds = [...docIds].filter((id) => !known.has(id));
    if (unknownIds.length) {
      const found = await local.allDocs({ keys: unknownIds, include_docs: true });
      for (const row of found.rows) {
        if ('error' in row) continue;
        const value = row.value as { rev: string; deleted?: boolean };
        known.set(row.id, {
          rev: value.rev,
          deleted: value.deleted === true,
          record: (row.doc as { record?: unknown } | null)?.record,
        });
      }
    }
    // Documents live replication brought in since the library last took in: not sent over (that
    // would drop the other device's change, or read a record not taken in yet as deleted here).
    // They wait, marked, for the next take-in, which merges them with what is here. Listed after
    // the lookups above, so one that arrived during them is among them; one arriving later makes
    // the write below a conflict, and its mark stays.
    const arrived = new Set((await local.changes({ since: appliedSeq })).results.map((change) => change.id));
    const writes: Record<string, unknown>[] = [];
    for (const id of docIds) {
      const named = parseDocId(id);
      if (!named) continue;
      const record = records.get(named.id);
      const doc = known.get(id);
      if (arrived.has(id)) {
        waiting.push(named);
        continue;
      }
      // Review cards of a resource mark: only the cards under it.
      if (!record) {
        const version = (doc?.record as { updatedAt?: unknown } | undefined)?.updatedAt;
        if (doc && !doc.deleted)
          writes.push({
            _id: id,
            _rev: doc.rev,
            _deleted: true,
            ...(typeof version === 'number' ? { [REMOVED_VERSION]: version } : {}),
          });
        continue;
      }
      if (doc && !doc.deleted && sameValue(doc.record, record)) continue;
      writes.push({ _id: id, ...(doc ? { _rev: doc.rev } : {}), store, record } satisfies Partial<RecordDoc> & {
        _id: string;
      });
    }
    for (let i = 0; i < writes.length; i += CHANGES_BATCH) {
      const results = await local.bulkDocs(writes.slice(i, i + CHANGES_BATCH) as never);
      const failed = results.filter((r) => 'error' in r && r.error);
      written += results.length - failed.length;
      // A conflict: replication wrote the document meanwhile. The mark stays for the next pass.
      if (failed.length) {
        await deps.outbox.mark(
          failed.flatMap((r) => {
            const named = r.id ? parseDocId(r.id) : null;
            return named ? [named] : [];
          }),
        );
      }
    }
    done.push(...marks);
  }
  if (waiting.length) await deps.outbox.mark(waiting);
  return { written, done };
}

async function sendSettings(deps: SyncDeps): Promise<number> {
  const current = (await deps.local.get(SETTINGS_DOC_ID).catch(() => null)) as AnyDoc | null;
  return (await settleSettings(deps, current)).wrote ? 1 : 0;
}

/** The choices a settings document carries, checked; one of 1 MB or more is not read at all. */
function choicesIn(deps: SyncDeps, doc: Record<string, unknown>): ChosenSettings {
  let size: number;
  try {
    size = JSON.stringify(doc).length;
  } catch {
    return NO_CHOICES;
  }
  return size < MAX_DOC_CHARS ? chosenInDoc(doc, deps.settings.rules) : NO_CHOICES;
}

function settingsBody(chosen: ChosenSettings, updatedAt: number): Omit<SettingsDoc, '_id' | '_rev'> {
  return { store: 'settings', values: chosen.values, chosenAt: chosen.chosenAt, updatedAt };
}

/**
 * The settings document against this device's settings, in a take-in and a send alike: merged
 * setting by setting, the later choice winning and one never chosen never winning. This device
 * takes in the document's later choices; when it holds later ones itself, or the document is too
 * big to read or an older client's that lacks them, the merged document is written over it (to
 * go up with this pass). A write that meets a newer revision is left to the next take-in.
 */
async function settleSettings(deps: SyncDeps, doc: AnyDoc | null): Promise<{ took: boolean; wrote: boolean }> {
  const here = await deps.settings.read();
  const live = doc && !doc._deleted ? doc : null;
  const there = live ? choicesIn(deps, live) : NO_CHOICES;
  const merged = mergeChosen(here, there);
  const take = choicesToTake(here, merged);
  const took = Object.keys(take.chosenAt).length > 0;
  if (took) await deps.settings.apply(take);
  if (sameChoices(merged, there)) return { took, wrote: false };
  try {
    await deps.local.put({
      _id: SETTINGS_DOC_ID,
      ...(live ? { _rev: live._rev } : {}),
      ...settingsBody(merged, deps.now()),
    } as never);
    return { took, wrote: true };
  } catch {
    return { took, wrote: false };
  }
}

export interface ReplicateOptions {
  /** Documents per batch: smaller batches make an interrupted sync lose less. */
  batchSize?: number;
}

/** Step 3: one-shot replication both ways (PouchDB keeps checkpoints, so a cut one resumes). */
export async function replicate(deps: SyncDeps, options: ReplicateOptions = {}): Promise<void> {
  const batch = { batch_size: options.batchSize ?? REPLICATION_BATCH, batches_limit: 5 };
  await deps.local.replicate.to(deps.remote, batch);
  await deps.local.replicate.from(deps.remote, batch);
}

/** The whole pass. Throws what the server said (`classifyError` in lib/sync/remote.ts reads it); nothing is lost on a throw. */
export async function syncPass(deps: SyncDeps, options: ReplicateOptions = {}): Promise<PassResult> {
  const first = await takeIn(deps);
  const out = await sendOut(deps);
  let sent = out.written;
  await replicate(deps, options);
  await deps.outbox.clear(out.done);
  resolved = 0;
  const second = await takeIn(deps);
  // What a merge kept of this device, and conflicts resolved here, go back now, not at the next pass.
  if (resolved || (await deps.outbox.read()).length) {
    const again = await sendOut(deps);
    sent += again.written;
    await deps.local.replicate.to(deps.remote, { batch_size: options.batchSize ?? REPLICATION_BATCH });
    await deps.outbox.clear(again.done);
  }
  const pending = (await deps.outbox.read()).length;
  return { sent, received: first.received + second.received, skipped: [...first.skipped, ...second.skipped], pending };
}
