import { browser } from 'wxt/browser';
import { STORE_NAMES, type StoreName } from '../model/stores';
import type { ItemName } from '../settings';

/**
 * What changed here since the last sync: every command marks the records it wrote (lib/app/
 * commit.ts), and the next sync pass sends exactly those. One storage key per record, so two
 * pages marking at once never overwrite each other's marks; `*` marks a whole store (an import,
 * a first connect). Nothing is marked while no server is connected.
 */
const PREFIX = 'syncOut/';
export const SETTINGS_MARK = 'settings';

export interface OutboxEntry {
  key: string;
  /** A store, or `settings`. */
  target: StoreName | typeof SETTINGS_MARK;
  /** A record id, `*` for the whole store, or for review cards a resource id (its cards). */
  id: string;
  at: number;
}

/**
 * The settings that sync: those an export carries (lib/backup/settings.ts' EXPORTED_SETTINGS;
 * named here so that marking a change loads no schema library: commit.ts, and so every page,
 * imports this module) but two. The language stays each device's own: its fallback follows the
 * browser's language, and devices differ (a work laptop in English, a phone in Swedish); a change
 * made on one should not turn another's menus and notifications round. The webhook is a secret,
 * never sent. tests/unit/sync/wiring.test.ts keeps the lists agreeing.
 */
export const SYNCED_SETTINGS = [
  'promptSchedule',
  'disabledBuiltInPrompts',
  'showThumbnails',
  'clipSegmentSeconds',
  'pauseWhileTyping',
  'assessmentReminder',
  'reviewsPerPrompt',
  'importedReviewsPerDay',
  'teamNewsSeen',
] as const satisfies readonly ItemName[];
export type SyncedSettingName = (typeof SYNCED_SETTINGS)[number];
/** The settings an export carries that never sync (see above). */
export const DEVICE_SETTINGS = ['language', 'webhook'] as const satisfies readonly ItemName[];
const SYNCED: ReadonlySet<string> = new Set(SYNCED_SETTINGS);

export function marksFor(change: {
  stores: readonly StoreName[];
  ids: readonly string[];
  items: readonly ItemName[];
}): string[] {
  const keys: string[] = [];
  for (const store of change.stores) {
    if (!change.ids.length) keys.push(`${PREFIX}${store}/*`);
    for (const id of change.ids) keys.push(`${PREFIX}${store}/${id}`);
    // A resource's writes make and keep its review cards in the same transaction.
    if (store === 'resources' && !change.stores.includes('reviews')) {
      if (!change.ids.length) keys.push(`${PREFIX}reviews/*`);
      for (const id of change.ids) keys.push(`${PREFIX}reviews/${id}`);
    }
  }
  if (change.items.some((item) => SYNCED.has(item))) keys.push(`${PREFIX}${SETTINGS_MARK}`);
  return keys;
}

/** Mark what a command changed (lib/app/commit.ts calls it only while a server is connected). */
export async function markChanged(change: {
  stores: readonly StoreName[];
  ids: readonly string[];
  items: readonly ItemName[];
}): Promise<void> {
  const keys = marksFor(change);
  if (!keys.length) return;
  const at = Date.now();
  await browser.storage.local.set(Object.fromEntries(keys.map((key) => [key, at])));
}

/** Everything, for the first sync after connecting. */
export async function markEverything(): Promise<void> {
  const at = Date.now();
  const keys = [...STORE_NAMES.map((store) => `${PREFIX}${store}/*`), `${PREFIX}${SETTINGS_MARK}`];
  await browser.storage.local.set(Object.fromEntries(keys.map((key) => [key, at])));
}

export function markRecords(records: readonly { store: StoreName; id: string }[]): Promise<void> {
  if (!records.length) return Promise.resolve();
  const at = Date.now();
  return browser.storage.local.set(Object.fromEntries(records.map((r) => [`${PREFIX}${r.store}/${r.id}`, at])));
}

export async function readOutbox(): Promise<OutboxEntry[]> {
  const all = await browser.storage.local.get(null);
  const entries: OutboxEntry[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX) || typeof value !== 'number') continue;
    const rest = key.slice(PREFIX.length);
    if (rest === SETTINGS_MARK) {
      entries.push({ key, target: SETTINGS_MARK, id: '*', at: value });
      continue;
    }
    const slash = rest.indexOf('/');
    const store = rest.slice(0, slash) as StoreName;
    if (slash < 1 || !STORE_NAMES.includes(store)) continue;
    entries.push({ key, target: store, id: rest.slice(slash + 1), at: value });
  }
  return entries;
}

/** Take away the marks a pass sent, unless a command marked the record again meanwhile. */
export async function clearSent(entries: readonly OutboxEntry[]): Promise<void> {
  if (!entries.length) return;
  const now = await browser.storage.local.get(entries.map((e) => e.key));
  const unchanged = entries.filter((e) => now[e.key] === e.at).map((e) => e.key);
  if (unchanged.length) await browser.storage.local.remove(unchanged);
}

/** Disconnecting forgets what was waiting: the next connect sends everything anyway. */
export async function clearOutbox(): Promise<void> {
  const entries = await readOutbox();
  if (entries.length) await browser.storage.local.remove(entries.map((e) => e.key));
}
