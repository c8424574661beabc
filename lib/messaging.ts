import type { StoreName } from './model/stores';
import type { ItemName } from './settings';

/** What a command changed: the stores (and records) it wrote and the storage items it set. */
export interface Change {
  stores: StoreName[];
  /** Ids written or deleted; empty means "many". */
  ids: string[];
  items: ItemName[];
}

/**
 * The one message protocol between extension pages and the background. Pages read and write
 * IndexedDB themselves (same origin) through the application layer (`lib/app`); the one message
 * tells the background what changed, so it can re-plan what it alone owns: alarms, the badge,
 * notifications and menus. A message, unlike a BroadcastChannel, wakes a stopped worker.
 */
export interface ProtocolMap {
  changed(change: Change): void;
}

/**
 * What the background reacts to (lib/background/changes-feature.ts). A change of anything else
 * (a note typed, a draft) is not sent, so typing does not wake the worker at every keystroke.
 */
const BACKGROUND_STORES: ReadonlySet<StoreName> = new Set(['actions', 'assessments', 'prompts']);
const BACKGROUND_ITEMS: ReadonlySet<ItemName> = new Set([
  'language',
  'assessmentReminder',
  'assessmentSchedule',
  'promptSchedule',
  'disabledBuiltInPrompts',
  'duePrompt',
  'promptAlarmState',
  'reviewsPerPrompt',
  'reviewSession',
  'lastExportAt',
  'backupReminder',
  'syncAccount',
]);

export function concernsBackground(change: Change): boolean {
  return change.stores.some((s) => BACKGROUND_STORES.has(s)) || change.items.some((i) => BACKGROUND_ITEMS.has(i));
}
