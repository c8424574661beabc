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

/**
 * Imported highlights' first reviews are spread: at most this many a day unless the user chose
 * otherwise (the `importedReviewsPerDay` setting, within the bounds).
 */
export const IMPORTED_REVIEWS_PER_DAY = 10;
export const IMPORTED_REVIEWS_PER_DAY_MIN = 1;
export const IMPORTED_REVIEWS_PER_DAY_MAX = 100;

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

/**
 * A quote or clip turned into a takeaway (the user's words for it): the item's card retires, its
 * history kept (no answer is added: the user answered nothing), and the takeaway's card takes its
 * place in the queue with its schedule, so one review never brings both and what was learned of
 * the quote carries on. A takeaway card with answers of its own keeps its schedule; a card retired
 * already stays as it is. Null when nothing changes.
 */
export function handOverCard(
  from: ReviewCard,
  to: ReviewCard,
  now: number,
): { retired: ReviewCard; successor: ReviewCard } | null {
  if (from.retiredAt !== undefined || from.due === undefined) return null;
  const { due, ...rest } = from;
  const retired: ReviewCard = { ...rest, retiredAt: now, updatedAt: Math.max(now, from.updatedAt + 1) };
  const fresh = to.reps === 0 && to.history.length === 0 && to.retiredAt === undefined;
  const successor: ReviewCard = fresh
    ? {
        ...to,
        due,
        stability: from.stability,
        difficulty: from.difficulty,
        scheduledDays: from.scheduledDays,
        reps: from.reps,
        lapses: from.lapses,
        state: from.state,
        ...(from.lastReview !== undefined ? { lastReview: from.lastReview } : {}),
        updatedAt: Math.max(now, to.updatedAt + 1),
      }
    : to;
  return { retired, successor };
}

/**
 * A quote made a takeaway before its card was handed over (handOverCard came later): the takeaway
 * reads as "Make it a takeaway" wrote it (the quote in curly quotes, then its note), so the queue
 * passes over the quote's card and the takeaway's is the one that comes back.
 */
export function quoteMadeTakeaway(resource: Resource, card: Pick<ReviewCard, 'itemKind' | 'itemId'>): boolean {
  if (card.itemKind !== 'quote') return false;
  const quote = resource.quotes?.find((q) => q.id === card.itemId);
  if (!quote) return false;
  const line = `“${quote.exact}”`.replace(/\s+/g, ' ');
  return resource.takeaways.some((t) => t.text === line || t.text.startsWith(`${line} — `));
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
