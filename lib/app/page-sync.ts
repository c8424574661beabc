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

/** The Web Lock the page that leads live replication holds for as long as it leads. */
export const LIVE_SYNC_LOCK = 'learning-loop-live-sync';

/**
 * Runs `lead` in one page at a time of this browser profile (the lock's holder), however many
 * pages ask; when the leader closes or stops, the next page waiting takes over. `lead` returns
 * its stop. Without Web Locks (a test's runtime) this page leads. Returns the stop.
 */
export function whileLeading(lead: () => Promise<() => void>): () => void {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  let stopped = false;
  let stopLead: (() => void) | null = null;
  // Stopped while the replication was starting: it stops as soon as it has started.
  const started = (stop: () => void) => {
    if (stopped) stop();
    else stopLead = stop;
  };
  if (!locks) {
    void lead().then(started);
    return () => {
      stopped = true;
      stopLead?.();
    };
  }
  const waiting = new AbortController();
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  locks
    .request(LIVE_SYNC_LOCK, { mode: 'exclusive', signal: waiting.signal }, async () => {
      if (stopped) return;
      started(await lead());
      // Held for the page's life: closing the page releases it, and the next page waiting leads.
      await held;
    })
    .catch(() => undefined);
  return () => {
    stopped = true;
    waiting.abort();
    stopLead?.();
    release();
  };
}

/**
 * A page opened with a server connected: one pass now; on a library page also live arrivals
 * and a pass shortly after each write made in any of this browser's pages. Live replication runs
 * in one library page of the profile at a time (`whileLeading`): each held long polls, and
 * Chromium opens at most six HTTP/1.1 connections to a host, so two pages' left a write (a
 * publish) queued behind them (issue #49). The other pages follow the leader: its arrivals are
 * written to the library and announced to every page (`committed`), the team space's on
 * `announceTeamChange`'s channel. Returns the stop.
 */
export async function startPageSync(live: boolean): Promise<() => void> {
  if (!(await syncAccount.getValue())) return () => undefined;
  void syncNow();
  if (!live) return () => undefined;
  return whileLeading(leadLiveSync);
}

/** The leader's part: live replication, a pass shortly after each write and every minute. */
async function leadLiveSync(): Promise<() => void> {
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
