import type { SyncRules } from '../db/sync';
import { mergeRecords, mergeResource, sameValue } from '../model/merge';

/** The rules the library's sync write (lib/db/sync.ts) merges by. */
export function syncRules(now: () => number): SyncRules {
  return {
    merge: (store, base, ours, theirs) => mergeRecords(store, base, ours, theirs, now()),
    mergeSamePage: (here, other) => mergeResource(here, other, now()),
    same: sameValue,
  };
}
