import { writeImport } from '../db/import';
import type { LoopDatabase } from '../db/open';
import { emptyStoredRecords, STORE_NAMES, type StoredRecords, type StoreName, type StoreRecord } from '../model/stores';
import type { ParsedBackup } from './parse';
import { planMerge, type MergePlan } from './merge';
import { applySettings, type SettingName } from './settings';

/**
 * Restoring the automatic snapshot. A snapshot is this library's own past, not another device's
 * file: by the time the user accepts, sync may have refilled the library with newer versions of
 * the same records, and joining the snapshot's older text onto those (the import's rule for a
 * file) would put stale text under the newer on every device. So a restore fills only what is
 * missing, by record id, and keeps every record present here as it is.
 */

/** What of `records` no store here holds (compared by id, store by store). */
export function missingRecords(
  records: StoredRecords,
  here: { readonly [S in StoreName]: { has(id: string): boolean } },
): StoredRecords {
  const out = emptyStoredRecords();
  for (const store of STORE_NAMES)
    (out[store] as StoreRecord[]) = (records[store] as StoreRecord[]).filter((r) => !here[store].has(r.id));
  return out;
}

/** True when the library holds a record of every id the snapshot has: there is nothing to restore. */
export function holdsEverything(
  records: StoredRecords,
  here: { readonly [S in StoreName]: { has(id: string): boolean } },
): boolean {
  return STORE_NAMES.every((store) => (records[store] as StoreRecord[]).every((r) => here[store].has(r.id)));
}

/**
 * The restore's plan, on what the stores hold at the moment of writing: the missing records,
 * merged by the import's rule only where a page came back under another id (the same address
 * saved again after the loss), so references to it follow and both notes stay.
 */
export function planRestore(stored: StoredRecords, snapshot: StoredRecords, now = Date.now()): RestorePlan {
  const ids = (store: StoreName) => new Set((stored[store] as StoreRecord[]).map((r) => r.id));
  const here = Object.fromEntries(STORE_NAMES.map((store) => [store, ids(store)])) as Record<StoreName, Set<string>>;
  const missing = missingRecords(snapshot, here);
  const count = (records: StoredRecords) =>
    STORE_NAMES.reduce((sum, store) => sum + (records[store] as StoreRecord[]).length, 0);
  return { ...planMerge(stored, missing, now), kept: count(snapshot) - count(missing) };
}

export interface RestorePlan extends MergePlan {
  /** Records the snapshot has that are here already: left as they are. */
  kept: number;
}

export interface RestoreResult {
  /** Records put back, per store, by id: only these are new to the library (and to sync). */
  written: Record<StoreName, string[]>;
  /** Records the snapshot has that were here already and were left as they are. */
  kept: number;
  settings: SettingName[];
}

/** Write a snapshot's missing records in one transaction (planned inside it), and the settings not set here. */
export async function writeRestore(
  backup: ParsedBackup,
  options: { db?: LoopDatabase; now?: number } = {},
): Promise<RestoreResult> {
  let plan: RestorePlan | null = null;
  await writeImport(
    STORE_NAMES,
    false,
    (stored) => {
      plan = planRestore(stored, backup.records, options.now);
      return plan.puts;
    },
    undefined,
    options.db,
  );
  const done = plan as RestorePlan | null;
  const written = Object.fromEntries(STORE_NAMES.map((store) => [store, [] as string[]])) as Record<
    StoreName,
    string[]
  >;
  for (const put of done?.puts ?? []) written[put.store].push(put.record.id);
  const settings = await applySettings(backup.settings, false);
  return { written, kept: done?.kept ?? 0, settings };
}
