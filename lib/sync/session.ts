/// <reference types="pouchdb-browser" />
import PouchDB from 'pouchdb-browser';
import { contentHash } from '../infra/ids';
import { serialQueue } from '../infra/serial';
import { type SyncAccount, syncAccount, syncPassword, syncStatus, type SyncStatus } from '../settings';
import { REPLICATION_BATCH, syncPass, takeIn, type SyncDeps, type PassResult } from './engine';
import { mergeRecords } from '../model/merge';
import { clearSent, markRecords, readOutbox } from './outbox';
import { basicAuth, classifyError, databaseUrl } from './remote';

/**
 * Sync at run time: the PouchDB databases of the connected account, one pass at a time in this
 * browser (a Web Lock, so the background and a library page never run two at once) and the
 * status the Settings page shows. The team space's database (lib/team/replica.ts) opens its
 * copies here too, so both share this page's connections. Loaded only where sync runs: the
 * background's alarm, a library page, the popup after its first render; never while no server
 * is connected.
 */

export type Db = PouchDB.Database<Record<string, unknown>>;

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

/**
 * Local databases are named after the account and the database (`own`: the library's, `team`:
 * the team space's), so another account's documents never travel.
 */
export function localName(account: SyncAccount, which: 'own' | 'team', database: string): string {
  return `learning-loop-${which}-${contentHash(`${account.server}\u0000${account.user}\u0000${database}`)}`;
}

/**
 * One PouchDB object per database in this page or worker, kept open: PouchDB's IndexedDB adapter
 * shares one connection between objects of the same name, so closing one (a pass ending) would
 * cut the others (the live replication, a publish) in the middle of their work.
 */
const opened = new Map<string, Db>();

export function localDb(name: string): Db {
  let db = opened.get(name);
  if (!db) {
    db = new PouchDB(name, { auto_compaction: false }) as Db;
    opened.set(name, db);
  }
  return db;
}

export function remoteDb(url: string, user: string, password: string): Db {
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
    local: localDb(localName(account, 'own', account.database)),
    remote: remoteDb(databaseUrl(account.server, account.database), account.user, password),
  };
}

/**
 * How a pass reads and writes the library (lib/app/sync-pass.ts gives it: only the application
 * layer opens the database): `read` the records a change marked, `apply` what came from the
 * server, `announce` it.
 */
export type SyncWriter = Pick<SyncDeps, 'read' | 'apply' | 'announce' | 'settings'>;

export function depsFor(local: Db, remote: Db, writer: SyncWriter, now: () => number = Date.now): SyncDeps {
  return {
    local,
    remote,
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

export async function updateStatus(patch: Partial<SyncStatus>): Promise<void> {
  await syncStatus.setValue({ ...(await syncStatus.getValue()), ...patch });
}

export interface PassOutcome {
  ok: boolean;
  result?: PassResult;
}

/** What else a pass does inside its lock once the library is in step (the team space's replication). */
export type AfterPass = (credentials: Credentials) => Promise<void>;

/** One pass for the connected account (nothing at all when none is); the status says how it went. */
export function syncNowWith(
  writer: SyncWriter,
  options: { batchSize?: number; after?: AfterPass } = {},
): Promise<PassOutcome> {
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
      await options.after?.(credentials);
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

/**
 * Live replication's back-off: retrying at most every 10 s (PouchDB's own grows to minutes), so a
 * server that was away a while is caught up with soon after it is back.
 */
export function liveBackOff(delay: number): number {
  return delay === 0 ? 1000 : Math.min(10_000, delay * 2);
}

/**
 * Live while a library page is open: continuous replication from the server (PouchDB's own,
 * retrying with back-off), each arrival taken into the library shortly after; changes here go
 * out by `syncNowWith` (the page calls it after its writes). Returns the stop.
 */
export function syncLive(writer: SyncWriter, onChange: () => void): () => void {
  let stopped = false;
  let live: PouchDB.Replication.Replication<Record<string, unknown>> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  void readCredentials().then((credentials) => {
    if (!credentials || stopped) return;
    const { local, remote } = openDatabases(credentials);
    live = local.replicate.from(remote, {
      live: true,
      retry: true,
      batch_size: REPLICATION_BATCH,
      back_off_function: liveBackOff,
    });
    live.on('change', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void exclusively(() => takeIn(depsFor(local, remote, writer)))
          .then(() => updateStatus({ lastSyncedAt: Date.now(), error: null }))
          .then(onChange, (error: unknown) => console.warn('Learning Loop: sync', error));
      }, 300);
    });
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
    live?.cancel();
  };
}

/** One local copy destroyed (a disconnect): this page's object for it is dropped too. */
export async function forgetLocalCopy(name: string): Promise<void> {
  const db = opened.get(name) ?? new PouchDB(name);
  opened.delete(name);
  await db.destroy().catch(() => undefined);
}

/**
 * Disconnect: this browser forgets the account's copy of the library and its server connections;
 * the library stays. The team space's copy goes with lib/team/replica.ts's `forgetTeamCopy`.
 */
export async function forgetLocalCopies(account: SyncAccount): Promise<void> {
  await forgetLocalCopy(localName(account, 'own', account.database));
  for (const key of [...opened.keys()]) if (key.includes('\u0000')) opened.delete(key);
}
