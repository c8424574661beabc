import { onDbChange } from '../db/changes';
import { syncAccount } from '../settings';
import { readOutbox } from '../sync/outbox';
import { announceTeamChange } from '../team/changes';
import { startLiveSync, syncNow } from './sync-pass';

/**
 * A page's sync loop, started by `startSyncHere` (lib/app/sync-start.ts) once a server is
 * connected: loaded with `import()` then, never in a page's first render.
 */

/** After a write here, a pass this much later: typing a note is one pass, not one per key. */
export const PAGE_SYNC_DEBOUNCE_MS = 2_000;
/** While a library page is open, a pass at least this often besides live replication. */
export const PAGE_SYNC_EVERY_MS = 45_000;

/**
 * A page opened with a server connected: one pass now; on a library page also live arrivals
 * and a pass shortly after each write made in any of this browser's pages. Returns the stop.
 */
export async function startPageSync(live: boolean): Promise<() => void> {
  if (!(await syncAccount.getValue())) return () => undefined;
  void syncNow();
  if (!live) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopChanges = onDbChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A change that came from the server marks nothing: no pass for it.
      void readOutbox().then((marks) => (marks.length ? syncNow() : undefined));
    }, PAGE_SYNC_DEBOUNCE_MS);
  });
  // Each arrival, the library's or the team's, reads the team space again (lib/team/changes.ts).
  const stopLive = await startLiveSync(announceTeamChange);
  // Live replication can stall behind a proxy or a sleeping laptop: a pass a minute keeps "the
  // same library within a minute" true regardless.
  const everyMinute = setInterval(() => void syncNow(), PAGE_SYNC_EVERY_MS);
  return () => {
    clearInterval(everyMinute);
    clearTimeout(timer);
    stopChanges();
    stopLive();
  };
}
