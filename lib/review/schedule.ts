import { fsrs, type Card, Rating, type State } from 'ts-fsrs';
import { LIMITS } from '../infra/limits';
import type { ReviewAnswer, ReviewCard } from '../model/review-card';

/**
 * The review scheduler: ts-fsrs (FSRS, a well-kept spaced-repetition library) rather than
 * hand-written intervals. Short-term learning steps are off: they would bring a takeaway back ten
 * minutes later, and this is a daily review of what you learned at work, not a flash-card drill.
 * The longest interval stays inside the record-time bounds (lib/infra/time.ts: five years ahead).
 */
const scheduler = fsrs({ enable_short_term: false, enable_fuzz: true, maximum_interval: 3 * 365 });

/** What each answer tells the scheduler: applied is the strongest memory there is. */
const RATING: Record<Exclude<ReviewAnswer, 'retire'>, Rating.Good | Rating.Easy> = {
  applied: Rating.Easy,
  useful: Rating.Good,
  action: Rating.Good,
};

function toFsrs(card: ReviewCard, now: number): Card {
  return {
    due: new Date(card.due ?? now),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.lastReview === undefined ? 0 : Math.max(0, Math.floor((now - card.lastReview) / 86_400_000)),
    scheduled_days: card.scheduledDays,
    learning_steps: 0,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    ...(card.lastReview !== undefined ? { last_review: new Date(card.lastReview) } : {}),
  };
}

/** The card after the user's answer at `now`; Retire takes it out of the queue for good. */
export function answerCard(card: ReviewCard, answer: ReviewAnswer, now: number): ReviewCard {
  const history = [...card.history, { at: now, answer }].slice(-LIMITS.reviewHistory);
  const updatedAt = Math.max(now, card.updatedAt + 1);
  if (answer === 'retire') {
    const { due: _due, ...rest } = card;
    return { ...rest, retiredAt: now, history, updatedAt };
  }
  const next = scheduler.next(toFsrs(card, now), new Date(now), RATING[answer]).card;
  const { retiredAt: _retired, ...rest } = card;
  return {
    ...rest,
    due: next.due.getTime(),
    stability: next.stability,
    difficulty: next.difficulty,
    scheduledDays: next.scheduled_days,
    reps: next.reps,
    lapses: next.lapses,
    state: next.state,
    lastReview: now,
    history,
    updatedAt,
  };
}
