import { announceChange } from '../db/changes';
import type { StoreName } from '../db/types';
import { type Change, concernsBackground, sendMessage } from '../messaging';
import type { ItemName } from '../settings';

type Reactor = (change: Change) => Promise<void>;

// Set by the background at start-up: there the change is handled in the same context, since a
// worker cannot message itself.
let reactHere: Reactor | null = null;

/** The background registers what it does after a change; pages leave this unset. */
export function reactToChangesHere(reactor: Reactor | null): void {
  reactHere = reactor;
}

/**
 * The one place a write becomes known: open pages update live (BroadcastChannel) and the
 * background re-plans its alarms, badge and notifications (a runtime message, which wakes it).
 * Every command in `lib/app` ends here. A missing background (a restarting worker, a unit test)
 * is not the user's problem: it re-plans at start-up anyway.
 */
export function committed(change: { stores?: StoreName[]; ids?: string[]; items?: ItemName[] }): Promise<void> {
  const full: Change = { stores: change.stores ?? [], ids: change.ids ?? [], items: change.items ?? [] };
  for (const store of full.stores) announceChange(store, full.ids);
  if (!concernsBackground(full)) return Promise.resolve();
  if (reactHere) return reactHere(full).catch(() => undefined);
  return sendMessage('changed', full).then(
    () => undefined,
    () => undefined,
  );
}
