import * as kept from '../db/kept-edits';
import type { Resource } from '../model/resource';
import { committed } from './commit';

/**
 * Edits that met a deletion (lib/model/kept-edit.ts): sync removed a resource this device had
 * changed since the version the other device deleted, and kept the changed copy. The library
 * names each once, with Restore and Dismiss.
 */
export { listKeptEdits } from '../db/kept-edits';
export type { KeptEdit } from '../model/kept-edit';

/** Put the resource back with what was typed; sync sends it again. */
export async function restoreKeptEdit(id: string, now = Date.now()): Promise<Resource | undefined> {
  const restored = await kept.restoreKeptEdit(id, now);
  if (restored) await committed({ stores: ['resources'], ids: [restored.id] });
  return restored;
}

/** Let the deletion stand: the kept copy goes. */
export function dismissKeptEdit(id: string): Promise<void> {
  return kept.dismissKeptEdit(id);
}
