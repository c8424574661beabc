import { readConnection, watchConnection } from '../sync/connection';

/**
 * The one line a page's start-up runs for sync, called by the page's entry (the library's App,
 * the popup's main): a storage read, and nothing more while no server is connected (no request,
 * no PouchDB). With one (or once one is connected, in this page or another), the page's sync
 * loop (lib/app/page-sync.ts) loads and starts. Returns the stop. Importing this starts nothing.
 */
export function startSyncHere(live: boolean): () => void {
  let stopSync: (() => void) | null = null;
  let starting = false;
  let stopped = false;
  const start = () => {
    if (starting || stopped) return;
    starting = true;
    void import('./page-sync')
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
