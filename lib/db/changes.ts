import type { StoreName } from '../model/stores';

export interface DbChange {
  store: StoreName;
  /** Ids written or deleted; empty means "many, reload the view". */
  ids: string[];
  /** Which page made the change, so it can skip its own echo. */
  origin: string;
}

const CHANNEL = 'learning-loop:db';
export const PAGE_ID = Math.random().toString(36).slice(2);

let channel: BroadcastChannel | null = null;
function getChannel(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  channel ??= new BroadcastChannel(CHANNEL);
  return channel;
}

type Listener = (change: DbChange) => void;
const localListeners = new Set<Listener>();

/** Tell every open extension page (and this one) that records changed. */
export function announceChange(store: StoreName, ids: string[], origin: string = PAGE_ID): void {
  const change: DbChange = { store, ids, origin };
  getChannel()?.postMessage(change);
  for (const listener of localListeners) listener(change);
}

/** Subscribe to changes from this page and every other extension page. Returns unsubscribe. */
export function onDbChange(listener: Listener): () => void {
  const own = getChannel();
  const fromOthers = (event: MessageEvent<DbChange>) => listener(event.data);
  own?.addEventListener('message', fromOthers);
  localListeners.add(listener);
  return () => {
    own?.removeEventListener('message', fromOthers);
    localListeners.delete(listener);
  };
}
