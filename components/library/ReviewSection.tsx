import { useEffect, useRef } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks/live';
import { ReviewQueue } from '@/components/review/ReviewQueue';
import { listDueReviews } from '@/lib/app/review';
import { formatNumber, t } from '@/lib/i18n';
import { endOfLocalDay } from '@/lib/review/card';

/** The whole queue due today, keyboard-first: 1 Applied it, 2 Still useful, 3 Make an action, 4 Retire. */
export function ReviewSection() {
  const due = useLiveQuery(() => listDueReviews(endOfLocalDay(Date.now())), ['reviews', 'resources']);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const reviews = due.data;
  return (
    <section class="review-section" aria-labelledby="review-heading">
      <header class="section-head">
        <h1 id="review-heading" ref={heading} tabIndex={-1}>
          {t('reviewHeading')}
        </h1>
        {reviews && reviews.length > 0 && (
          <span class="chip chip-accent">{t('reviewDueCount', formatNumber(reviews.length))}</span>
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
    </section>
  );
}
