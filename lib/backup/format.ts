import { STORE_NAMES, type StoredRecords, type StoreName } from '../model/stores';
import { emptyStoredRecords } from '../model/stores';

/** The `format` field of our export file. */
export const BACKUP_FORMAT = 'learning-loop';
/**
 * Version of the export file's shape (not the database version). Bump it when a record gains a
 * field, and teach the importer to read every older version (`recordSchemasFor` and
 * `upgradeRecord` in lib/model/schemas.ts); files from a newer version are refused with a message
 * asking the user to update. 2: a resource's `timestampNotes` became `clips`. 3: a resource may
 * hold `quotes` (a file of version 2 reads as it is). 4: takeaways are items (`[{id, text,
 * createdAt}]`, split from the one text of older files), an action's source may name its `item`,
 * and the `reviews` store (review cards) is exported. 5: a quote may carry its `location` (`{ page?,
 * loc? }`) and an action's source may name the team item it came from (`team: { author,
 * resourceId }`); a file of version 4 reads as it is. Raised so that an older build refuses such a
 * file with "update" rather than calling the field unknown.
 */
export const BACKUP_VERSION = 5;

/**
 * The export version whose records have the shape a database version stores: a snapshot taken
 * before an upgrade holds records of the older shape, and restores like an export of then.
 * Add the new database version here when you bump DB_VERSION.
 */
const BACKUP_VERSION_OF_DATABASE: Record<number, number> = { 1: 1, 2: 1, 3: 1, 4: 1, 5: 3, 6: 4, 7: 5 };
export function backupVersionOfDatabase(dbVersion: number): number {
  return BACKUP_VERSION_OF_DATABASE[dbVersion] ?? BACKUP_VERSION;
}

/**
 * The largest file the importer reads. A year of heavy use is a few thousand records; an export
 * of 100,000 realistic resources (title, description, notes, tags) is about 115 MB (tests/unit/backup/size-limit.test.ts), so 200 MB
 * leaves room while staying far below what a page can hold in one string.
 */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

/**
 * Other tools' files are smaller than our backup: a link is a line, not a record with notes. Each
 * cap keeps the settings page's longest task while it imports the largest file near 200 ms or
 * under (`npm run bench -- --only=importtasks`; a bookmark file's whole-file walks grow with its
 * size), far above what the tools export (Pocket: 10,000 saves ≈ 1.5 MB of CSV; a browser's
 * 10,000 bookmarks ≈ 2 MB of HTML).
 */
export const MAX_LINK_FILE_BYTES = {
  html: 8 * 1024 * 1024,
  csv: 16 * 1024 * 1024,
  urls: 8 * 1024 * 1024,
} as const;

/** Stores in export order: resources first, since the others may point at them. */
export const STORES: readonly StoreName[] = STORE_NAMES;

export type BackupRecords = StoredRecords;

export interface BackupFile extends BackupRecords {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO 8601 */
  exportedAt: string;
  settings: Record<string, unknown>;
}

export type StoreRecord = BackupRecords[StoreName][number];

export function emptyRecords(): BackupRecords {
  return emptyStoredRecords();
}

export function countRecords(records: BackupRecords): number {
  return STORES.reduce((sum, store) => sum + records[store].length, 0);
}
