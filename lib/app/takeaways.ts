import { handOverToTakeaway } from '../db/new-review-cards';
import * as store from '../db/resources';
import type { Resource } from '../model/resource';
import type { Takeaway } from '../model/takeaway';
import { LIMITS } from '../infra/limits';
import { newTakeaways } from '../model/takeaway-text';
import { announceResources } from './commit';
import { deleteWithUndo, type UndoOffer } from './undo';

/**
 * Takeaways, one item at a time, each write inside the resource's transaction (an item added or
 * edited in another tab meanwhile stays). Each new item gets its review card in the same
 * transaction (lib/db/resources.ts).
 */

/** New takeaways from what was typed or pasted: one per line or bullet, after the others. */
export async function addTakeaways(id: string, text: string, now = Date.now()): Promise<Resource | undefined> {
  const added = newTakeaways(text, now);
  if (!added.length) return store.getResource(id);
  const [updated] = await store.updateResources(
    [id],
    (resource) => ({ takeaways: [...resource.takeaways, ...added].slice(0, LIMITS.takeawayItems) }),
    now,
  );
  void announceResources(updated ? [updated] : []);
  return updated;
}

/**
 * A quote or clip becomes a takeaway of its own (`text`, one line), after the others. In the same
 * transaction the item's review card retires, its history kept, and the takeaway's card takes its
 * place and schedule (handOverCard, lib/model/review-card.ts): one review never brings both. The
 * cards are the resource's, so sync sends them with it.
 */
export async function takeawayFromItem(
  id: string,
  from: { kind: 'quote' | 'clip'; id: string },
  text: string,
  now = Date.now(),
): Promise<Resource | undefined> {
  const [added] = newTakeaways(text.replace(/\s+/g, ' '), now);
  if (!added) return store.getResource(id);
  const [updated] = await store.updateResources(
    [id],
    (resource) => ({ takeaways: [...resource.takeaways, added].slice(0, LIMITS.takeawayItems) }),
    now,
    undefined,
    undefined,
    async (reviews, _before, after) => {
      // At the limit the takeaway was not added: the item keeps its card.
      if (after.takeaways.some((item) => item.id === added.id))
        await handOverToTakeaway(reviews, id, { itemKind: from.kind, itemId: from.id }, added.id, now);
    },
  );
  void announceResources(updated ? [updated] : []);
  return updated;
}

/**
 * One takeaway rewritten as typed, from `baseText` (what this page last showed of it): another
 * writer's change meanwhile merges in, or stays beside it as a takeaway of its own.
 */
export async function editTakeaway(
  id: string,
  itemId: string,
  text: string,
  baseText: string,
  now = Date.now(),
): Promise<Resource | undefined> {
  if (!text.trim()) return store.getResource(id);
  // Loaded before the transaction opens: nothing but IndexedDB is awaited inside one.
  const { editTakeawayIn } = await store.loadMergeRule();
  const [updated] = await store.updateResources(
    [id],
    (resource) => ({ takeaways: editTakeawayIn(resource.takeaways, itemId, text, baseText, now) }),
    now,
  );
  void announceResources(updated ? [updated] : []);
  return updated;
}

/** A takeaway removed; Undo puts it back where it was, with its review card as it was. */
export function removeTakeaway(id: string, itemId: string, now = Date.now()): Promise<UndoOffer | undefined> {
  return deleteWithUndo(
    {
      kind: 'takeaway',
      remove: async () => {
        let removed: { item: Takeaway; index: number } | undefined;
        const [updated] = await store.updateResources(
          [id],
          (resource) => {
            const index = resource.takeaways.findIndex((item) => item.id === itemId);
            if (index >= 0) removed = { item: resource.takeaways[index]!, index };
            return { takeaways: resource.takeaways.filter((item) => item.id !== itemId) };
          },
          now,
        );
        void announceResources(updated ? [updated] : []);
        return removed;
      },
      restore: async ({ item, index }) => {
        const [restored] = await store.updateResources([id], (resource) => {
          if (resource.takeaways.some((t) => t.id === item.id)) return {};
          const takeaways = [...resource.takeaways];
          takeaways.splice(Math.min(index, takeaways.length), 0, item);
          return { takeaways };
        });
        void announceResources(restored ? [restored] : []);
      },
      label: ({ item }) => item.text,
    },
    now,
  );
}
