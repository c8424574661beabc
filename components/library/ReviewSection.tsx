import { useEffect, useRef } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks/live';
import { ReviewQueue } from '@/components/review/ReviewQueue';
import { countDueCards, listDueReviews } from '@/lib/app/review';
import { formatNumber, t, tn } from '@/lib/i18n';
import { endOfLocalDay } from '@/lib/model/review-card';

/**
 * How many due cards the section reads and shows at once. After an import every item is due (a
 * 10,000-resource library: 13,000 cards), and reading and drawing them all took 10 s to show and
 * 5 s per answer; the next ones come up as these are answered.
 */
export const REVIEW_QUEUE_SHOWN = 25;

/** Today's queue, keyboard-first: 1 Applied it, 2 Still useful, 3 Make an action, 4 Retire. */
export function ReviewSection() {
  const due = useLiveQuery(async () => {
    const until = endOfLocalDay(Date.now());
    const reviews = await listDueReviews(until, REVIEW_QUEUE_SHOWN);
    // All of them when fewer than a screenful are due; else one index count (an upper bound: a
    // card whose item was removed counts until it is cleaned up).
    const total = reviews.length < REVIEW_QUEUE_SHOWN ? reviews.length : await countDueCards(until);
    return { reviews, total: Math.max(total, reviews.length) };
  }, ['reviews', 'resources']);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const reviews = due.data?.reviews;
  const total = due.data?.total ?? 0;
  return (
    <section class="review-section" aria-labelledby="review-heading">
      <header class="section-head">
        <h1 id="review-heading" ref={heading} tabIndex={-1}>
          {t('reviewHeading')}
        </h1>
        {reviews && reviews.length > 0 && (
          <span class="chip chip-accent">{t('reviewDueCount', formatNumber(total))}</span>
        )}
      </header>
      <p class="muted">{t('reviewSectionIntro')}</p>
      {reviews && reviews.length === 0 && <p class="card panel muted review-empty">{t('reviewNothingDue')}</p>}
      {reviews && reviews.length > 0 && (
        <ReviewQueue
          reviews={reviews}
          keys
          onChanged={() => undefined}
          onMakeAction={(href) => {
            location.hash = href;
          }}
        />
      )}
      {reviews && total > reviews.length && (
        <p class="muted small review-more">{tn('reviewMoreDue', total - reviews.length)}</p>
      )}
    </section>
  );
}
