/// <reference types="pouchdb-browser" />
import PouchDB from 'pouchdb-browser';
import { getDb } from '../db/open';
import { readForSync } from '../db/sync';
import type { StoreName } from '../model/stores';
import { contentHash } from '../infra/ids';
import { serialQueue } from '../infra/serial';
import { type SyncAccount, syncAccount, syncPassword, syncStatus, type SyncStatus } from '../settings';
import { REPLICATION_BATCH, syncPass, takeIn, type SyncDeps, type PassResult } from './engine';
import { mergeRecords } from '../model/merge';
import { clearSent, markRecords, readOutbox } from './outbox';
import { basicAuth, classifyError, databaseUrl } from './remote';

/**
 * Sync at run time: the PouchDB databases of the connected account, one pass at a time in this
 * browser (a Web Lock, so the background and a library page never run two at once), the status
 * the Settings page shows, and the team database. Loaded only where sync runs: the background's
 * alarm, a library page, the popup after its first render; never while no server is connected.
 */

type Db = PouchDB.Database<Record<string, unknown>>;

export interface Credentials {
  account: SyncAccount;
  password: string;
}

export async function readCredentials(): Promise<Credentials | null> {
  const [account, password] = await Promise.all([syncAccount.getValue(), syncPassword.getValue()]);
  return account && password !== null ? { account, password } : null;
}

/** The longest a sync request (not a live long poll) may take before the pass gives up and retries later. */
export const REQUEST_TIMEOUT_MS = 60_000;

function authFetch(user: string, password: string): (url: string | Request, opts?: RequestInit) => Promise<Response> {
  const header = basicAuth(user, password);
  return (url, opts = {}) => {
    const headers = new Headers(opts.headers);
    headers.set('Authorization', header);
    // A request that never answers must not hold the pass (and its lock) for ever; a long poll
    // of live replication is the server's to end (it does within its own timeout).
    const live = /[?&]feed=(longpoll|continuous)/.test(String(url));
    const limit = live ? null : AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signal = limit && opts.signal ? AbortSignal.any([opts.signal, limit]) : (limit ?? opts.signal);
    return PouchDB.fetch(url, {
      ...opts,
      headers,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      ...(signal ? { signal } : {}),
    });
  };
}

/** Local databases are named after the account, so another account's documents never travel. */
export function localName(account: SyncAccount, which: 'own' | 'team'): string {
  const database = which === 'own' ? account.database : (account.teamDatabase ?? '');
  return `learning-loop-${which}-${contentHash(`${account.server}\u0000${account.user}\u0000${database}`)}`;
}

/**
 * One PouchDB object per database in this page or worker, kept open: PouchDB's IndexedDB adapter
 * shares one connection between objects of the same name, so closing one (a pass ending) would
 * cut the others (the live replication, a publish) in the middle of their work.
 */
const opened = new Map<string, Db>();

function localDb(name: string): Db {
  let db = opened.get(name);
  if (!db) {
    db = new PouchDB(name, { auto_compaction: false }) as Db;
    opened.set(name, db);
  }
  return db;
}

function remoteDb(url: string, user: string, password: string): Db {
  const key = `${url}\u0000${user}\u0000${contentHash(password)}`;
  let db = opened.get(key);
  if (!db) {
    db = new PouchDB(url, {
      skip_setup: true,
      fetch: authFetch(user, password),
    } as PouchDB.Configuration.RemoteDatabaseConfiguration) as Db;
    opened.set(key, db);
  }
  return db;
}

export function openDatabases(credentials: Credentials): { local: Db; remote: Db } {
  const { account, password } = credentials;
  return {
    local: localDb(localName(account, 'own')),
    remote: remoteDb(databaseUrl(account.server, account.database), account.user, password),
  };
}

export function openTeamDatabases(credentials: Credentials): { local: Db; remote: Db } | null {
  const { account, password } = credentials;
  if (!account.teamDatabase) return null;
  return {
    local: localDb(localName(account, 'team')),
    remote: remoteDb(databaseUrl(account.server, account.teamDatabase), account.user, password),
  };
}

/** How a pass writes what came from the server (lib/app/sync-pass.ts gives it). */
export type SyncWriter = Pick<SyncDeps, 'apply' | 'announce' | 'settings'>;

export function depsFor(local: Db, remote: Db, writer: SyncWriter, now: () => number = Date.now): SyncDeps {
  return {
    local,
    remote,
    read: async (store: StoreName, ids: readonly string[]) => readForSync(await getDb(), store, ids),
    outbox: { read: readOutbox, clear: clearSent, mark: markRecords },
    ...writer,
    merge: (store, base, ours, theirs, at) => mergeRecords(store, base, ours, theirs, at ?? now()),
    now,
  };
}

const queue = serialQueue();
/** One pass at a time across this browser's pages and worker (where the browser has Web Locks). */
function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return queue(task);
  return queue(() => locks.request('learning-loop-sync', () => task()) as Promise<T>);
}

async function updateStatus(patch: Partial<SyncStatus>): Promise<void> {
  await syncStatus.setValue({ ...(await syncStatus.getValue()), ...patch });
}

export interface PassOutcome {
  ok: boolean;
  result?: PassResult;
}

/** One pass for the connected account (nothing at all when none is); the status says how it went. */
export function syncNowWith(writer: SyncWriter, options: { batchSize?: number } = {}): Promise<PassOutcome> {
  return exclusively(async () => {
    const credentials = await readCredentials();
    if (!credentials) return { ok: false };
    const started = Date.now();
    const { local, remote } = openDatabases(credentials);
    try {
      const result = await syncPass(depsFor(local, remote, writer), options);
      const status = await syncStatus.getValue();
      await syncStatus.setValue({
        ...status,
        lastSyncedAt: Date.now(),
        lastAttemptAt: started,
        error: null,
        pending: result.pending,
        skipped: mergeSkipped(status.skipped, result.skipped),
      });
      await syncTeam(credentials);
      return { ok: true, result };
    } catch (error) {
      console.warn('Learning Loop: sync did not finish', error);
      await updateStatus({ lastAttemptAt: started, error: classifyError(error), pending: (await readOutbox()).length });
      return { ok: false };
    }
  });
}

function mergeSkipped(before: SyncStatus['skipped'], now: SyncStatus['skipped']): SyncStatus['skipped'] {
  const byId = new Map(before.map((s) => [s.id, s]));
  for (const s of now) byId.set(s.id, s);
  return [...byId.values()].slice(-100);
}

/** The team database, both ways (it is small: what members published and their checks). */
async function syncTeam(credentials: Credentials): Promise<void> {
  const team = openTeamDatabases(credentials);
  if (!team) return;
  try {
    await team.local.replicate.to(team.remote);
    await team.local.replicate.from(team.remote);
    await updateStatus({ teamSyncedAt: Date.now(), teamError: null });
  } catch (error) {
    await updateStatus({ teamError: classifyError(error, true) });
  }
}

/**
 * Live while a library page is open: continuous replication from the server (PouchDB's own,
 * retrying with back-off), each arrival taken into the library shortly after; changes here go
 * out by `syncNowWith` (the page calls it after its writes). Returns the stop.
 */
export function syncLive(writer: SyncWriter, onChange: () => void): () => void {
  let stopped = false;
  let live: PouchDB.Replication.Replication<Record<string, unknown>> | null = null;
  let liveTeam: PouchDB.Replication.Sync<Record<string, unknown>> | null = null;
  let team: { local: Db; remote: Db } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  void readCredentials().then((credentials) => {
    if (!credentials || stopped) return;
    const { local, remote } = openDatabases(credentials);
    // Retrying at most every 10 s (PouchDB's own back-off grows to minutes): a server that was
    // away a while is caught up with soon after it is back.
    const back_off_function = (delay: number) => (delay === 0 ? 1000 : Math.min(10_000, delay * 2));
    live = local.replicate.from(remote, { live: true, retry: true, batch_size: REPLICATION_BATCH, back_off_function });
    live.on('change', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void exclusively(() => takeIn(depsFor(local, remote, writer)))
          .then(() => updateStatus({ lastSyncedAt: Date.now(), error: null }))
          .then(onChange, (error: unknown) => console.warn('Learning Loop: sync', error));
      }, 300);
    });
    team = openTeamDatabases(credentials);
    if (team) {
      liveTeam = team.local.sync(team.remote, { live: true, retry: true, back_off_function });
      liveTeam.on('change', () => onChange());
    }
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
    live?.cancel();
    liveTeam?.cancel();
  };
}

/** Disconnect: this browser forgets the account and its local copies; the library stays. */
export async function forgetLocalCopies(account: SyncAccount): Promise<void> {
  for (const which of ['own', 'team'] as const) {
    if (which === 'team' && !account.teamDatabase) continue;
    const name = localName(account, which);
    const db = opened.get(name) ?? new PouchDB(name);
    opened.delete(name);
    await db.destroy().catch(() => undefined);
  }
  for (const key of [...opened.keys()]) if (key.includes('\u0000')) opened.delete(key);
}

/** The team's documents as this browser holds them (replicated whole). */
export async function readTeamDocs(credentials: Credentials): Promise<unknown[]> {
  if (!credentials.account.teamDatabase) return [];
  const all = await localDb(localName(credentials.account, 'team')).allDocs({ include_docs: true });
  return all.rows.flatMap((row) => (row.doc && !row.id.startsWith('_') ? [row.doc] : []));
}

/** Write (or with `deleted`, remove) one of the user's own team documents, then replicate. */
export async function writeTeamDoc(
  credentials: Credentials,
  doc: { _id: string } & Record<string, unknown>,
  deleted = false,
): Promise<void> {
  const team = openTeamDatabases(credentials);
  if (!team) return;
  try {
    const current = (await team.local.get(doc._id).catch(() => null)) as { _rev: string } | null;
    if (deleted) {
      // Removed on the server directly too: pouchdb-server (unlike CouchDB) drops a replicated
      // deletion in a database with a validation document. Offline, the local deletion replicates later.
      const there = (await team.remote.get(doc._id).catch(() => null)) as { _rev: string } | null;
      if (there) await team.remote.remove(doc._id, there._rev).catch(() => undefined);
      if (current) await team.local.remove(doc._id, current._rev);
    } else {
      await team.local.put({ ...doc, ...(current ? { _rev: current._rev } : {}) } as never);
    }
    await team.local.replicate.to(team.remote);
    await updateStatus({ teamSyncedAt: Date.now(), teamError: null });
  } catch (error) {
    console.warn('Learning Loop: the team space did not take the change', error);
    await updateStatus({ teamError: classifyError(error, true) });
    throw error;
  }
}

/** Bring the team database in now (the Team page at open). */
export async function pullTeam(credentials: Credentials): Promise<void> {
  await syncTeam(credentials);
}
