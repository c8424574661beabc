import { indexReads } from '../db/library-index';
import { getDb, type LoopDatabase } from '../db/open';
import {
  cardsChangedSince,
  countSavedSince,
  countSharedSince,
  walkCreatedTimes,
  walkResourcesUpdatedSince,
} from '../db/stats';
import { type IndexSource, ResourceIndex } from '../library/resource-index';
import { type LibraryStats, libraryStats as statsFrom, type StatsReads } from '../library/stats';
import { onStoreChange } from './live';

/*
 * What the library's first screen reads: its search table and its header's figures. Apart from
 * the commands (as resource-reads.ts), since the bundler places a module whole in the first chunk
 * that imports it, and the first screen would carry every write with it.
 */

/** The search table's records from `database` (the shared connection unless a test says), and every page's changes. */
export function indexSource(database: () => Promise<LoopDatabase> = getDb): IndexSource {
  return { open: () => database().then(indexReads), follow: onStoreChange };
}

let shared: ResourceIndex | null = null;

/**
 * The page's one index: kept while the page is open, so going back to the list is instant, and
 * kept between visits (lib/library/index-cache.ts), so a large library is searchable at once.
 */
export function resourceIndex(): ResourceIndex {
  shared ??= new ResourceIndex(indexSource(), {
    persisted: {},
  });
  void shared.start();
  return shared;
}

const statsReads: StatsReads = {
  savedSince: (since) => countSavedSince(since),
  sharedSince: (since) => countSharedSince(since),
  cardsChangedSince: (since) => cardsChangedSince(since),
  resourcesUpdatedSince: (since, visit) => walkResourcesUpdatedSince(since, visit),
  createdTimes: (store, atMost, visit) => walkCreatedTimes(store, atMost, visit),
};

/** The library header's figures: this week's and this month's, and the streak. */
export function libraryStats(now: number): Promise<LibraryStats> {
  return statsFrom(now, statsReads);
}
