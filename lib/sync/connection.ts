import { browser } from 'wxt/browser';

/**
 * The connection probe: whether a sync server is connected, from the stored account's presence
 * alone. What every page asks at start-up (lib/app/sync-start.ts) and every commit asks before it
 * marks a change (lib/app/commit.ts), so it loads no schema library (lib/settings.ts validates the
 * account where it is used: the sync pass, Settings). One small module for all of it, so a first
 * screen carries one chunk of it, not two. Importing it reads nothing: the first question does.
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
