import type { Resource } from '../model/resource';
import { type FlatShape, readFlat } from '../infra/flat-shape';

/**
 * The popup's last recent list, kept in the extension's localStorage so the next popup paints it
 * in its first render, before its first IndexedDB round trip (opening the database and reading the
 * newest records takes longer than the rest of the popup together). The live list replaces it as
 * soon as it is read; a snapshot is never written back to the database.
 */
export type RecentItem = Pick<
  Resource,
  | 'id'
  | 'title'
  | 'url'
  | 'kind'
  | 'status'
  | 'site'
  | 'author'
  | 'durationSec'
  | 'readingMinutes'
  | 'videoId'
  | 'positionSec'
  | 'sharedAt'
  | 'happenedOn'
  | 'withWhom'
  | 'activityType'
>;

/** Versioned: a popup of another shape ignores an older snapshot instead of misreading it. */
export const RECENT_SNAPSHOT_KEY = 'learning-loop:popup-recent:v1';

const ITEM_SHAPE = {
  id: 'string',
  title: 'string',
  url: 'string',
  kind: ['video', 'article', 'page', 'activity'],
  status: ['queued', 'learning', 'learned'],
  site: 'string?',
  author: 'string?',
  durationSec: 'number?',
  readingMinutes: 'number?',
  videoId: 'string?',
  positionSec: 'number?',
  sharedAt: 'number?',
  happenedOn: 'string?',
  withWhom: 'string?',
  activityType: 'string?',
} as const satisfies Record<keyof RecentItem, unknown> & FlatShape;

// The shape's fields are the ones a snapshot keeps.
const KEYS = Object.keys(ITEM_SHAPE) as (keyof RecentItem)[];

/** What the list shows of a resource: not its notes, clips or quotes. */
export function toRecentItem(resource: Resource): RecentItem {
  const item: Record<string, unknown> = {};
  for (const key of KEYS) if (resource[key] !== undefined) item[key] = resource[key];
  return item as unknown as RecentItem;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The last list, or null when there is none or it cannot be trusted (then the list waits for the database). */
export function readRecentSnapshot(store: Store | undefined = globalThis.localStorage): RecentItem[] | null {
  try {
    const raw = store?.getItem(RECENT_SNAPSHOT_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return null;
    const items = parsed.map((entry) => readFlat<RecentItem>(entry, ITEM_SHAPE));
    return items.every((item) => item !== null) ? items : null;
  } catch {
    return null;
  }
}

export function writeRecentSnapshot(
  items: readonly Resource[],
  store: Store | undefined = globalThis.localStorage,
): void {
  try {
    store?.setItem(RECENT_SNAPSHOT_KEY, JSON.stringify(items.map(toRecentItem)));
  } catch {
    // A full or refused localStorage: the next popup reads the database first, as without one.
  }
}
