import type { Resource } from './resource';

/**
 * An edit that met a deletion: this device changed a resource that another device removed
 * meanwhile. Removals stay removed (the record goes), but what the user typed is kept here, whole,
 * until they bring it back (Restore) or let it go (Dismiss). Kept in the database's `meta` store
 * under `KEPT_EDITS_KEY`, never exported or synced: it is this device's, as the typing was.
 */
export interface KeptEdit {
  /** The resource as this device last held it, the user's text and items included. */
  record: Resource;
  /** When the deletion reached this device. */
  at: number;
}

export interface KeptEdits {
  edits: KeptEdit[];
}

export const KEPT_EDITS_KEY = 'keptEdits';

/**
 * How many are kept at most. Each is one of the user's own records, already bounded by the
 * record schemas; past this many undecided ones the oldest goes (the notice shows them all).
 */
export const MAX_KEPT_EDITS = 200;

export function isKeptEdits(value: unknown): value is KeptEdits {
  return typeof value === 'object' && value !== null && Array.isArray((value as KeptEdits).edits);
}

/** Keep one more; a newer one of the same resource takes the older one's place. */
export function withKeptEdit(current: unknown, edit: KeptEdit): KeptEdits {
  const edits = isKeptEdits(current) ? current.edits.filter((e) => e.record.id !== edit.record.id) : [];
  return { edits: [...edits, edit].slice(-MAX_KEPT_EDITS) };
}

/** The list without one resource's kept edit. */
export function withoutKeptEdit(current: unknown, id: string): KeptEdits {
  return { edits: isKeptEdits(current) ? current.edits.filter((e) => e.record.id !== id) : [] };
}
