import type { ItemKind, Resource } from './resource';

/** How the user answered a review card. */
export type ReviewAnswer = 'applied' | 'useful' | 'action' | 'retire';
export const REVIEW_ANSWERS: readonly ReviewAnswer[] = ['applied', 'useful', 'action', 'retire'];

/**
 * The review schedule of one takeaway, quote or clip (database version 6): ts-fsrs's card,
 * stored in plain numbers (times in ms), and what the user answered. `due` is absent once the
 * item is retired, so the `due` index holds only the queue.
 */
export interface ReviewCard {
  /** `<resourceId>/<itemKind>/<itemId>` (reviewCardId), so each item has one card. */
  id: string;
  resourceId: string;
  itemKind: ItemKind;
  itemId: string;
  due?: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  /** ts-fsrs's State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview?: number;
  retiredAt?: number;
  history: { at: number; answer: ReviewAnswer }[];
  createdAt: number;
  updatedAt: number;
}

/**
 * Review cards without the scheduler: what a new card is, which items of a resource have one, and
 * when a day ends. The scheduler itself (ts-fsrs) is in ./schedule.ts, loaded only when the user
 * answers, so no page's first render carries it.
 */

export const DAY = 86_400_000;
/** A new takeaway, quote or clip comes back the day after it was written. */
export const FIRST_REVIEW_AFTER = DAY;

export function reviewCardId(resourceId: string, itemKind: ItemKind, itemId: string): string {
  return `${resourceId}/${itemKind}/${itemId}`;
}

/** A card that was never answered (ts-fsrs's empty card: state New), first due a day after `writtenAt`. */
export function newReviewCard(
  resourceId: string,
  itemKind: ItemKind,
  itemId: string,
  writtenAt: number,
  now: number,
): ReviewCard {
  return {
    id: reviewCardId(resourceId, itemKind, itemId),
    resourceId,
    itemKind,
    itemId,
    due: writtenAt + FIRST_REVIEW_AFTER,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    history: [],
    createdAt: now,
    updatedAt: now,
  };
}

export interface ReviewItemRef {
  itemKind: ItemKind;
  itemId: string;
  createdAt: number;
}

/** Every takeaway, quote and clip of a resource: what should have a card. */
export function reviewItemsOf(resource: Resource): ReviewItemRef[] {
  return [
    ...resource.takeaways.map((item) => ({
      itemKind: 'takeaway' as const,
      itemId: item.id,
      createdAt: item.createdAt,
    })),
    ...(resource.quotes ?? []).map((item) => ({
      itemKind: 'quote' as const,
      itemId: item.id,
      createdAt: item.createdAt,
    })),
    ...resource.clips.map((item) => ({ itemKind: 'clip' as const, itemId: item.id, createdAt: item.createdAt })),
  ];
}

/** The item a card is about, as it is now (undefined when the user removed it). */
export function itemOf(resource: Resource, card: Pick<ReviewCard, 'itemKind' | 'itemId'>) {
  if (card.itemKind === 'takeaway') {
    const item = resource.takeaways.find((t) => t.id === card.itemId);
    return item && { kind: 'takeaway' as const, item };
  }
  if (card.itemKind === 'quote') {
    const item = resource.quotes?.find((q) => q.id === card.itemId);
    return item && { kind: 'quote' as const, item };
  }
  const item = resource.clips.find((c) => c.id === card.itemId);
  return item && { kind: 'clip' as const, item };
}

/** Midnight that ends the local day of `now`: a review due today shows all day. */
export function endOfLocalDay(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

/** The first answer of each kind within [from, to): "applied this month", "reviews this week". */
export function countAnswers(
  cards: readonly ReviewCard[],
  from: number,
  to: number,
  answers?: readonly ReviewAnswer[],
): number {
  let count = 0;
  for (const card of cards)
    for (const entry of card.history)
      if (entry.at >= from && entry.at < to && (!answers || answers.includes(entry.answer))) count++;
  return count;
}

/** Cards for the items of `resources` that have none in `cards` (an import of an older file). */
export function missingReviewCards(
  resources: readonly Resource[],
  cards: ReadonlyMap<string, unknown>,
  now: number,
): ReviewCard[] {
  const out: ReviewCard[] = [];
  for (const resource of resources)
    for (const item of reviewItemsOf(resource)) {
      const id = reviewCardId(resource.id, item.itemKind, item.itemId);
      if (!cards.has(id)) out.push(newReviewCard(resource.id, item.itemKind, item.itemId, item.createdAt, now));
    }
  return out;
}
