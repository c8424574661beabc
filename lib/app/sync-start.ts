import { readConnection, watchConnection } from '../sync/connected';

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
