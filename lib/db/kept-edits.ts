import { newId } from '../infra/ids';
import { KEPT_EDITS_KEY, isKeptEdits, withoutKeptEdit, type KeptEdit } from '../model/kept-edit';
import type { Resource } from '../model/resource';
import { addCardsForNewItems } from './new-review-cards';
import { getDb, type LoopDatabase } from './open';

/** Edits that met a deletion from another device (lib/model/kept-edit.ts), oldest first. */
export async function listKeptEdits(db?: LoopDatabase): Promise<KeptEdit[]> {
  const value = await (db ?? (await getDb())).get('meta', KEPT_EDITS_KEY);
  return isKeptEdits(value) ? value.edits : [];
}

/**
 * Restore: the kept resource goes back into the library as a new record (a new id, its text and
 * items as kept), with review cards for its items, in one transaction with taking it off the
 * list. A new id, because the old one's removal stays removed on every device (lib/sync/engine.ts:
 * a removal wins over any version of its document), while a new record simply syncs. Should the
 * page be saved again meanwhile, the two merge by the import's rule, which keeps both texts.
 * Undefined when it is no longer kept (decided in another page).
 */
export async function restoreKeptEdit(id: string, now: number, db?: LoopDatabase): Promise<Resource | undefined> {
  const database = db ?? (await getDb());
  // Loaded on Restore, before the transaction opens: the library's notices need no merge code to show.
  const { mergeResource } = await import('../model/merge');
  const tx = database.transaction(['resources', 'reviews', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const list = await meta.get(KEPT_EDITS_KEY);
  const kept = isKeptEdits(list) ? list.edits.find((e) => e.record.id === id) : undefined;
  if (!kept) {
    await tx.done;
    return undefined;
  }
  const resources = tx.objectStore('resources');
  const record: Resource = { ...kept.record, id: newId(), updatedAt: Math.max(now, kept.record.updatedAt + 1) };
  const here =
    record.canonicalUrl === undefined ? undefined : await resources.index('canonicalUrl').get(record.canonicalUrl);
  const next = here ? { ...mergeResource(here, record, now), updatedAt: Math.max(now, here.updatedAt + 1) } : record;
  await resources.put(next);
  // The card writer names the two stores it needs; this transaction holds `meta` as well.
  const reviews = tx.objectStore('reviews') as unknown as Parameters<typeof addCardsForNewItems>[0];
  await addCardsForNewItems(reviews, here, next, now);
  await meta.put(withoutKeptEdit(list, id), KEPT_EDITS_KEY);
  await tx.done;
  return next;
}

/** Dismiss: the deletion stands and the kept copy goes. */
export async function dismissKeptEdit(id: string, db?: LoopDatabase): Promise<void> {
  const database = db ?? (await getDb());
  const tx = database.transaction('meta', 'readwrite');
  await tx.store.put(withoutKeptEdit(await tx.store.get(KEPT_EDITS_KEY), id), KEPT_EDITS_KEY);
  await tx.done;
}
