import { announceChange } from '../db/changes';
import type { Resource } from '../model/resource';
import type { StoreName } from '../model/stores';
import { type Change, concernsBackground } from '../messaging';
import type { ItemName } from '../settings';
import { isConnected } from '../sync/connection';

type Reactor = (change: Change) => Promise<void>;

/** The origin of what a sync wrote, in whichever page: never an echo of that page's own typing. */
const SYNC_ORIGIN = 'sync';

// Loaded beside the page's first render (not in it), so the first command finds it ready: a
// popup closed right after its first save still tells the background.
const transport = import('../messaging-transport');

// Set by the background at start-up: there the change is handled in the same context, since a
// worker cannot message itself.
let reactHere: Reactor | null = null;

/** The background registers what it does after a change; pages leave this unset. */
export function reactToChangesHere(reactor: Reactor | null): void {
  reactHere = reactor;
}

/** How often a page tells the background that the library changed (for the automatic snapshot). */
export const LIBRARY_CHANGE_NOTICE_MS = 60_000;
let libraryChangeToldAt = Number.NEGATIVE_INFINITY;

/**
 * The background snapshots the library a few minutes after it changes (lib/background/
 * snapshot-feature.ts), so it must hear of changes, but not of every keystroke: once a minute
 * from a page is enough (a snapshot follows the last notice by more than that), and a bulk
 * change (an import) at once, since it needs every part read again.
 */
function tellsOfLibraryChange(change: Change, now: number): boolean {
  if (!change.stores.length) return false;
  if (change.stores.includes('resources') && !change.ids.length) return true;
  return now - libraryChangeToldAt >= LIBRARY_CHANGE_NOTICE_MS;
}

/** Tests: every page starts without having told anything. */
export function forgetLibraryChangeNotice(): void {
  libraryChangeToldAt = Number.NEGATIVE_INFINITY;
}

/**
 * The one place a write becomes known: open pages update live (BroadcastChannel) and the
 * background re-plans its alarms, badge and notifications (a runtime message, which wakes it).
 * Every command in `lib/app` ends here. A missing background (a restarting worker, a unit test)
 * is not the user's problem: it re-plans at start-up anyway.
 */
export function committed(change: {
  stores?: StoreName[];
  ids?: string[];
  items?: ItemName[];
  /** Written by a sync from the server: not marked to be sent back (lib/sync/outbox.ts). */
  fromSync?: boolean;
}): Promise<void> {
  const full: Change = { stores: change.stores ?? [], ids: change.ids ?? [], items: change.items ?? [] };
  // What a sync wrote reaches this page's views too: it is not their own edit coming back.
  for (const store of full.stores) announceChange(store, full.ids, change.fromSync ? SYNC_ORIGIN : undefined);
  // Marked before anything else, so a page closed right after a write still has it sent.
  const marked = change.fromSync ? Promise.resolve() : markForServer(full);
  return marked.then(() => tell(full));
}

/** The outbox's code loads only once a server is connected. */
function markForServer(change: Change): Promise<void> {
  return isConnected()
    .then((on) => (on ? import('../sync/outbox').then(({ markChanged }) => markChanged(change)) : undefined))
    .catch(() => undefined);
}

/**
 * Before a write that takes long and may outlive its page (an import): the stores marked for the
 * server first, so a page closed between the write's commit and its `committed` still has the
 * records sent at the next pass (a pass in between sends what was there; `committed` marks again).
 */
export function markBeforeWrite(stores: StoreName[]): Promise<void> {
  return markForServer({ stores, ids: [], items: [] });
}

/**
 * Tells every page (and the background, where it cares) that these resources changed: what every
 * write of a resource (a page, a takeaway, a clip, a quote, an activity) ends in.
 */
export function announceResources(records: readonly Resource[]): Promise<void> {
  return records.length ? committed({ stores: ['resources'], ids: records.map((r) => r.id) }) : Promise.resolve();
}

function tell(full: Change): Promise<void> {
  const now = Date.now();
  const tellsLibrary = reactHere ? full.stores.length > 0 : tellsOfLibraryChange(full, now);
  if (!concernsBackground(full) && !tellsLibrary) return Promise.resolve();
  if (tellsLibrary) libraryChangeToldAt = now;
  if (reactHere) return reactHere(full).catch(() => undefined);
  // The page waits for the message to be handed over, not for what the background does with it
  // (a stopped worker starts first): the user's change is stored and shown already.
  return transport.then(({ sendMessage }) => {
    sendMessage('changed', full).catch(() => undefined);
  });
}
