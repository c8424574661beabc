import * as store from '../db/reviews';
import type { ReviewAnswer, ReviewCard } from '../model/review-card';
import { endOfLocalDay } from '../model/review-card';
import { type ReviewSessionState, reviewSession, reviewsPerPrompt } from '../settings';
import { committed } from './commit';
import { loadedOnUse } from './lazy';
import { offerUndo, type UndoOffer } from './undo';

/**
 * The daily review: answering a card (through ts-fsrs, loaded with the first answer only) and
 * today's session, which the background opens at the prompt's time and closes when its cards are
 * answered or nothing is due any more.
 */
export { cardsOfResource, countDueCards, listDueReviews, type DueReview } from '../db/reviews';

export interface ReviewOutcome {
  card: ReviewCard;
  undo?: UndoOffer;
  /** Another window answered the card since this one read it: this answer did not count. */
  alreadyAnswered?: true;
}

/** Whether a card is still at the answer it was read at (an answer moves its due day and history). */
function sameAnswerState(stored: ReviewCard, read: ReviewCard): boolean {
  return (
    stored.due === read.due &&
    stored.lastReview === read.lastReview &&
    stored.retiredAt === read.retiredAt &&
    stored.history.length === read.history.length
  );
}

async function noteAnswered(
  now: number,
  delta: 1 | -1,
  reading: Promise<ReviewSessionState | null> = reviewSession.getValue(),
): Promise<boolean> {
  const session = await reading;
  if (!session) return false;
  const answered = Math.max(0, session.answered + delta);
  const [limit, left] = await Promise.all([reviewsPerPrompt.getValue(), store.countDueCards(endOfLocalDay(now))]);
  // Done for today: every card the session offered is answered, or nothing is due any more.
  const done = delta > 0 && (answered >= limit || left === 0);
  await reviewSession.setValue(done ? null : { ...session, answered });
  return true;
}

// The scheduler (ts-fsrs) loads on a queue's first render, not with the page: loaded at the click,
// it added about 20 ms to a first answer (57 ms in the library, p95 75).
const scheduler = loadedOnUse(() => import('../review/schedule'));

/** Called when review cards are shown, so the answer finds the scheduler ready. */
export function preloadScheduler(): void {
  void scheduler.preload();
}

/**
 * One click on a review card; Undo puts the card back as it was (and into today's review).
 * `read` is the card as the answering window showed it: answered meanwhile in another window, the
 * card is left as that answer made it and the outcome says so (`alreadyAnswered`).
 */
export async function answerReview(
  id: string,
  answer: ReviewAnswer,
  now = Date.now(),
  read?: ReviewCard,
): Promise<ReviewOutcome | undefined> {
  // Loaded before the transaction opens: nothing but IndexedDB is awaited inside one.
  const { answerCard } = await scheduler.preload();
  // Today's session is read while the card is written (not inside its transaction): one storage
  // round trip fewer before the answer shows.
  const session = reviewSession.getValue();
  // Compared inside the write transaction: two windows' answers are written one after the other,
  // so the second sees the first's.
  const result = await store.updateCard(id, (card) =>
    read && !sameAnswerState(card, read) ? null : answerCard(card, answer, now),
  );
  if (!result) return undefined;
  if (!result.changed) {
    void session.catch(() => undefined);
    return { card: result.after, alreadyAnswered: true };
  }
  const sessionChanged = await noteAnswered(now, 1, session);
  await committed({ stores: ['reviews'], ids: [id], items: sessionChanged ? ['reviewSession'] : [] });
  const undo = offerUndo(
    {
      kind: 'review',
      count: 1,
      restore: async () => {
        await store.putCard(result.before);
        const reopened = await noteAnswered(now, -1);
        await committed({ stores: ['reviews'], ids: [id], items: reopened ? ['reviewSession'] : [] });
      },
    },
    now,
  );
  return { card: result.after, ...(undo ? { undo } : {}) };
}
