import type { IDBPObjectStore } from 'idb';
import { handOverCard, newReviewCard, reviewCardId, reviewItemsOf } from '../model/review-card';
import type { LoopDB } from './schema';
import type { Resource } from '../model/resource';

// Apart from ./reviews.ts, which reads and answers cards: a write that adds an item (a quote from
// the menu in a woken worker) loads only this.

export type ReviewStore = IDBPObjectStore<LoopDB, ('resources' | 'reviews')[], 'reviews', 'readwrite'>;

/**
 * Inside a resource's write transaction: every takeaway, quote or clip it did not have before gets
 * its review card (first due a day after it was written). A card already there (an item removed
 * and brought back by Undo) keeps its schedule and history.
 */
export async function addCardsForNewItems(
  reviews: ReviewStore,
  before: Resource | undefined,
  after: Resource,
  now: number,
): Promise<void> {
  const had = new Set(before ? reviewItemsOf(before).map((item) => `${item.itemKind}/${item.itemId}`) : []);
  for (const item of reviewItemsOf(after)) {
    if (had.has(`${item.itemKind}/${item.itemId}`)) continue;
    const id = reviewCardId(after.id, item.itemKind, item.itemId);
    if (!(await reviews.getKey(id)))
      await reviews.put(newReviewCard(after.id, item.itemKind, item.itemId, item.createdAt, now));
  }
}

/**
 * Inside a resource's write transaction, after the new items' cards are made: the card of the
 * quote or clip `from` hands over to the takeaway's (handOverCard). Both are written, so sync
 * carries the retirement as any card change.
 */
export async function handOverToTakeaway(
  reviews: ReviewStore,
  resourceId: string,
  from: { itemKind: 'quote' | 'clip'; itemId: string },
  takeawayId: string,
  now: number,
): Promise<void> {
  const [fromCard, toCard] = await Promise.all([
    reviews.get(reviewCardId(resourceId, from.itemKind, from.itemId)),
    reviews.get(reviewCardId(resourceId, 'takeaway', takeawayId)),
  ]);
  if (!fromCard || !toCard) return;
  const handed = handOverCard(fromCard, toCard, now);
  if (!handed) return;
  await reviews.put(handed.retired);
  if (handed.successor !== toCard) await reviews.put(handed.successor);
}
