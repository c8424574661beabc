import { browser } from 'wxt/browser';

/**
 * Whether a sync server is connected, from the stored account's presence alone: what every page
 * asks at start-up and every commit asks before it marks a change, so it loads no schema library
 * (lib/settings.ts validates the account where it is used: the sync pass, Settings). One small
 * module for all of it, so a first screen carries one chunk of it, not two.
 */
export const SYNC_ACCOUNT_KEY = 'syncAccount';

export interface Connection {
  connected: boolean;
  team: boolean;
}

function connectionOf(stored: unknown): Connection {
  if (typeof stored !== 'object' || stored === null) return { connected: false, team: false };
  const team = (stored as { teamDatabase?: unknown }).teamDatabase;
  return { connected: true, team: typeof team === 'string' && team.length > 0 };
}

export async function readConnection(): Promise<Connection> {
  return connectionOf((await browser.storage.local.get(SYNC_ACCOUNT_KEY))[SYNC_ACCOUNT_KEY]);
}

/** Called with each change of the connection; returns the unwatch. */
export function watchConnection(callback: (next: Connection, previous: Connection) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
    const change = changes[SYNC_ACCOUNT_KEY];
    if (change) callback(connectionOf(change.newValue), connectionOf(change.oldValue));
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}

let connected: Promise<boolean> | null = null;

/** Cached for this page (and kept true to the storage): asked by every command's commit. */
export function isConnected(): Promise<boolean> {
  if (!connected) {
    connected = readConnection().then((c) => c.connected);
    watchConnection((next) => {
      connected = Promise.resolve(next.connected);
    });
  }
  return connected;
}

/** Tests: every page starts not knowing. */
export function forgetConnection(): void {
  connected = null;
}

/**
 * The one line a page's start-up runs for sync: a storage read, and nothing more while no server
 * is connected (no request, no PouchDB). With one (or once one is connected, in this page or
 * another), lib/app/sync loads and starts. Returns the stop.
 */
export function startSyncHere(live: boolean): () => void {
  let stopSync: (() => void) | null = null;
  let starting = false;
  let stopped = false;
  const start = () => {
    if (starting || stopped) return;
    starting = true;
    void import('./sync')
      .then(({ startPageSync }) => startPageSync(live))
      .then((stop) => {
        if (stopped) stop();
        else stopSync = stop;
      });
  };
  const stopWatching = watchConnection((next, previous) => {
    if (next.connected && !previous.connected) start();
    if (!next.connected && previous.connected) {
      stopSync?.();
      stopSync = null;
      starting = false;
    }
  });
  void readConnection().then((connection) => connection.connected && start());
  return () => {
    stopped = true;
    stopWatching();
    stopSync?.();
  };
}
