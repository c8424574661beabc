import type { Action, Assessment, CustomPrompt, Reflection, Resource, StoreName } from '../db/types';

/** The `format` field of our export file. */
export const BACKUP_FORMAT = 'learning-loop';
/**
 * Version of the export file's shape (not the database version). Bump it when a record gains a
 * field, and teach the importer to read every older version; files from a newer version are
 * refused with a message asking the user to update.
 */
export const BACKUP_VERSION = 1;

/**
 * The largest file the importer reads. A year of heavy use is a few thousand records; an export
 * of 100,000 realistic resources (title, description, notes, tags) is about 115 MB (tests/unit/backup/size-limit.test.ts), so 200 MB
 * leaves room while staying far below what a page can hold in one string.
 */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

/** Stores in export order: resources first, since the others may point at them. */
export const STORES: readonly StoreName[] = ['resources', 'reflections', 'prompts', 'actions', 'assessments'];

export interface BackupRecords {
  resources: Resource[];
  reflections: Reflection[];
  prompts: CustomPrompt[];
  actions: Action[];
  assessments: Assessment[];
}

export interface BackupFile extends BackupRecords {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO 8601 */
  exportedAt: string;
  settings: Record<string, unknown>;
}

export type StoreRecord = BackupRecords[StoreName][number];

export function emptyRecords(): BackupRecords {
  return { resources: [], reflections: [], prompts: [], actions: [], assessments: [] };
}

export function countRecords(records: BackupRecords): number {
  return STORES.reduce((sum, store) => sum + records[store].length, 0);
}
