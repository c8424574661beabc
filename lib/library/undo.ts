import { restoreResources } from '../db/resources';
import type { Resource } from '../db/types';

/**
 * Deleted resources kept in memory until the page closes, so every delete can be undone for as
 * long as the page is open (well over the ten seconds promised). Views subscribe to show the
 * latest deletion's Undo.
 */
export interface Deletion {
  id: number;
  records: Resource[];
  at: number;
}

let deletions: Deletion[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function rememberDeletion(records: Resource[], at = Date.now()): Deletion | undefined {
  if (!records.length) return undefined;
  const deletion = { id: nextId++, records, at };
  deletions = [...deletions, deletion];
  notify();
  return deletion;
}

/** The deletion an Undo button offers: the most recent one not yet undone or dismissed. */
export function latestDeletion(): Deletion | undefined {
  return deletions[deletions.length - 1];
}

export async function undoDeletion(id: number): Promise<Resource[]> {
  const deletion = deletions.find((d) => d.id === id);
  if (!deletion) return [];
  await restoreResources(deletion.records);
  deletions = deletions.filter((d) => d.id !== id);
  notify();
  return deletion.records;
}

/** Hide the Undo offer (the records stay gone). */
export function dismissDeletion(id: number): void {
  deletions = deletions.filter((d) => d.id !== id);
  notify();
}

export function onDeletionsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tests only. */
export function resetDeletions(): void {
  deletions = [];
  notify();
}
