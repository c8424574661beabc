import type { CapturedPage } from '../model/captured-page';
import * as store from '../db/resources';
import type { ResourceBase, ResourcePatch } from '../model/resource-patch';
import type { Clip } from '../model/clip';
import type { Resource } from '../model/resource';
import { announceResources } from './commit';
import { deleteWithUndo, type UndoOffer } from './undo';

export { startEdit } from './edit-start';

/**
 * Resources: every write of the domain, its change broadcast and its undo. Views and the
 * background call these; they never write through `lib/db` themselves.
 */
export { getResource, getResourceByUrl, listNewest } from './resource-reads';
export { applyPatch, type ActivityPatch, type ResourceBase, type ResourcePatch } from '../model/resource-patch';
export type { SaveExtras, SaveResult } from '../db/resources';

/** Save a captured page, or refresh the record with its canonical URL (notes and tags are kept). */
export async function saveCapturedPage(
  page: CapturedPage,
  extras: store.SaveExtras = {},
  now = Date.now(),
): Promise<store.SaveResult> {
  const result = await store.saveResource(page, extras, now);
  void announceResources([result.resource]);
  return result;
}

/**
 * An edit of one resource. `base` is what the editing page last read of the fields it edits: when
 * another writer changed them meanwhile, the edit merges three-way instead of overwriting.
 */
export async function editResource(
  id: string,
  patch: ResourcePatch,
  now = Date.now(),
  base?: ResourceBase,
): Promise<Resource | undefined> {
  const updated = await store.updateResources([id], patch, now, undefined, base);
  void announceResources(updated);
  return updated[0];
}

/**
 * A clip added to a video, inside the write transaction (a clip added in the library or another
 * popup meanwhile stays). Returns the resource as stored.
 */
export async function addClip(id: string, clip: Clip, now = Date.now()): Promise<Resource | undefined> {
  const [updated] = await store.updateResources([id], (resource) => ({ clips: [...resource.clips, clip] }), now);
  void announceResources(updated ? [updated] : []);
  return updated;
}

/** A clip's note rewritten (the clip found by id wherever it is in the list now). */
export async function editClipNote(
  id: string,
  clipId: string,
  note: string,
  now = Date.now(),
): Promise<Resource | undefined> {
  const [updated] = await store.updateResources(
    [id],
    (resource) => ({ clips: resource.clips.map((clip) => (clip.id === clipId ? { ...clip, note } : clip)) }),
    now,
  );
  void announceResources(updated ? [updated] : []);
  return updated;
}

/** A clip removed, wherever it is in the list now; Undo puts it back. */
export function removeClip(id: string, clipId: string, now = Date.now()): Promise<UndoOffer | undefined> {
  return deleteWithUndo(
    {
      kind: 'clip',
      remove: async () => {
        let removed: Clip | undefined;
        const [updated] = await store.updateResources(
          [id],
          (resource) => {
            removed = resource.clips.find((clip) => clip.id === clipId);
            return { clips: resource.clips.filter((clip) => clip.id !== clipId) };
          },
          now,
        );
        void announceResources(updated ? [updated] : []);
        return removed;
      },
      restore: (clip) => addClip(id, clip),
      label: (clip) => clip.note || undefined,
    },
    now,
  );
}

/** One transaction for any number of records: bulk edits are all-or-nothing. */
export async function editResources(
  ids: readonly string[],
  patch: ResourcePatch | ((r: Resource) => ResourcePatch),
  now = Date.now(),
): Promise<Resource[]> {
  const updated = await store.updateResources(ids, patch, now);
  void announceResources(updated);
  return updated;
}

/** Deletes, and offers an Undo that puts the records back exactly as they were. */
export function deleteResources(ids: readonly string[], now = Date.now()): Promise<UndoOffer | undefined> {
  return deleteWithUndo(
    {
      kind: 'resources',
      remove: () => store.deleteResources(ids),
      restore: (removed) => store.restoreResources(removed),
      announce: (removed) => {
        void announceResources(removed);
      },
      count: (removed) => removed.length,
      label: (removed) => removed[0]?.title,
    },
    now,
  );
}
