import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLiveQuery, useStorageItem } from '@/components/hooks/live';
import { ReviewQueue } from '@/components/review/ReviewQueue';
import { listDueReviews } from '@/lib/app/review';
import { t } from '@/lib/i18n';
import { endOfLocalDay } from '@/lib/model/review-card';
import { REVIEWS_PER_PROMPT_MAX, reviewSession, reviewsPerPrompt } from '@/lib/settings';
import './due-prompt.css';

/**
 * Today's review in the popup: on the prompt's schedule, up to `reviewsPerPrompt` of the user's
 * own takeaways, quotes and clips, answered in one click each. Nothing when no review is open.
 */
export function DueReviews() {
  const session = useStorageItem(reviewSession);
  const limit = useStorageItem(reviewsPerPrompt);
  const [finished, setFinished] = useState(false);
  // The session's count is stored by the answer and read back a moment later: until it is, the
  // answers given here count, so a card further down does not flash in for the answered one.
  const [answeredHere, setAnsweredHere] = useState(0);
  const answeredAtOpen = useRef<number | undefined>(undefined);
  if (session && answeredAtOpen.current === undefined) answeredAtOpen.current = session.answered;
  const answered = session ? Math.max(session.answered, (answeredAtOpen.current ?? 0) + answeredHere) : 0;
  const left = session && limit !== undefined ? Math.max(0, limit - answered) : 0;
  // Read once up to the most a session can show, and cut to what is left here: an answer then
  // updates the list in place (the confirmation and its Undo stay on screen).
  const due = useLiveQuery(
    () => listDueReviews(endOfLocalDay(Date.now()), REVIEWS_PER_PROMPT_MAX),
    ['reviews', 'resources'],
  );
  const libraryUrl = browser.runtime.getURL('/library.html');
  const reviews = due.data ?? [];
  if (!session || !left || !reviews.length) {
    return finished ? (
      <p class="notice notice-ok small review-done" role="status">
        {t('reviewAllDone')}
      </p>
    ) : null;
  }
  return (
    <section class="due-prompt card due-reviews" aria-labelledby="due-reviews-heading" data-wait="review">
      <p id="due-reviews-heading" class="due-eyebrow">
        {t('reviewPopupHeading')}
      </p>
      <p class="small muted">{t('reviewPopupIntro')}</p>
      <ReviewQueue
        reviews={reviews}
        limit={left}
        libraryUrl={libraryUrl}
        onChanged={(count) => {
          setAnsweredHere(count);
          setFinished(true);
        }}
        onMakeAction={(href) => void browser.tabs.create({ url: `${libraryUrl}${href}` })}
      />
    </section>
  );
}
