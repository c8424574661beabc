import { itemOf, quoteMadeTakeaway, reviewItemsOf } from '../model/review-card';
import { getDb, type LoopDatabase } from './open';
import type { Resource } from '../model/resource';
import type { ReviewCard } from '../model/review-card';

export interface DueReview {
  card: ReviewCard;
  resource: Resource;
  item: NonNullable<ReturnType<typeof itemOf>>;
}

/**
 * The queue: cards due by `until`, most overdue first, each with its resource and item as they
 * are now. A card whose item or resource was removed is passed over (Undo may bring it back), as
 * is a quote's that was made a takeaway before the quote's card retired with it (quoteMadeTakeaway).
 */
export async function listDueReviews(until: number, limit = Infinity, db?: LoopDatabase): Promise<DueReview[]> {
  const database = db ?? (await getDb());
  const tx = database.transaction(['reviews', 'resources']);
  const resources = tx.objectStore('resources');
  const out: DueReview[] = [];
  let cursor = await tx.objectStore('reviews').index('due').openCursor(IDBKeyRange.upperBound(until));
  while (cursor && out.length < limit) {
    const card = cursor.value;
    const resource = await resources.get(card.resourceId);
    const item = resource && itemOf(resource, card);
    if (resource && item && !quoteMadeTakeaway(resource, card)) out.push({ card, resource, item });
    cursor = await cursor.continue();
  }
  // Cards due at the same moment (written together) come in the order they are on their page.
  const position = (review: DueReview) =>
    reviewItemsOf(review.resource).findIndex(
      (item) => item.itemKind === review.card.itemKind && item.itemId === review.card.itemId,
    );
  return out.sort(
    (a, b) =>
      (a.card.due ?? 0) - (b.card.due ?? 0) || a.resource.id.localeCompare(b.resource.id) || position(a) - position(b),
  );
}

/** How many cards are due by `until` (removed items included: an upper bound, one index count). */
export async function countDueCards(until: number, db?: LoopDatabase): Promise<number> {
  return (db ?? (await getDb())).countFromIndex('reviews', 'due', IDBKeyRange.upperBound(until));
}

export async function cardsOfResource(resourceId: string, db?: LoopDatabase): Promise<ReviewCard[]> {
  return (db ?? (await getDb())).getAllFromIndex('reviews', 'resourceId', resourceId);
}

/**
 * One card rewritten from what is stored now, in one transaction; undefined when it is gone.
 * `change` returning null leaves the card as it is (`after` is then `before`, `changed` false).
 */
export async function updateCard(
  id: string,
  change: (card: ReviewCard) => ReviewCard | null,
  db?: LoopDatabase,
): Promise<{ before: ReviewCard; after: ReviewCard; changed: boolean } | undefined> {
  const database = db ?? (await getDb());
  const tx = database.transaction('reviews', 'readwrite');
  const before = await tx.store.get(id);
  if (!before) {
    await tx.done;
    return undefined;
  }
  const after = change(before);
  if (after) await tx.store.put(after);
  await tx.done;
  return { before, after: after ?? before, changed: after !== null };
}

/** Undo of an answer: the card exactly as it was. */
export async function putCard(card: ReviewCard, db?: LoopDatabase): Promise<void> {
  await (db ?? (await getDb())).put('reviews', card);
}
