import { useEffect, useRef, useState } from 'preact/hooks';
import { lazyComponent } from '@/components/Lazy';
import { t, tn, type MessageKey } from '@/lib/i18n';
import './waiting-strip.css';
import { NOTHING_WAITS, readWaiting, type WaitKind, type Waiting, watchWaiting } from '@/lib/pages/waiting';

// The cards' code (the review's, the journal's, the actions') loads when the strip is used: most
// opens use Save and nothing else, and none of it belongs in the first render.
const DuePrompt = lazyComponent(() => import('@/components/popup/DuePrompt').then((m) => m.DuePrompt), 'nothing');
const DueReviews = lazyComponent(() => import('@/components/popup/DueReviews').then((m) => m.DueReviews), 'nothing');
const FollowUpPrompt = lazyComponent(
  () => import('@/components/popup/FollowUpPrompt').then((m) => m.FollowUpPrompt),
  'nothing',
);

/** What the strip calls each kind; the words after it are the user's own (the question, the action). */
const KIND_LABEL: Record<WaitKind, MessageKey> = {
  prompt: 'waitingPrompt',
  review: 'waitingReview',
  'follow-up': 'waitingFollowUp',
  assessment: 'waitingAssessment',
};
/** Said when the background stored no words (an older worker, a review, the monthly check). */
const KIND_WORDS: Record<WaitKind, MessageKey> = {
  prompt: 'waitingPromptWords',
  review: 'waitingReviewWords',
  'follow-up': 'waitingFollowUpWords',
  assessment: 'waitingAssessmentWords',
};

/**
 * What waits comes first: one line above the capture card naming the first thing waiting, drawn
 * from the badge's storage (one read, lib/pages/waiting.ts), in a slot of fixed height that is
 * there from the first render whether or not anything waits, so Save never moves and keeps the
 * focus. Used, it gives way to the cards themselves, in place, with the focus in the first.
 */
export function WaitingStrip() {
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [opened, setOpened] = useState<WaitKind | null>(null);
  useEffect(() => {
    let alive = true;
    const read = () => void readWaiting().then((next) => alive && setWaiting(next));
    read();
    const stop = watchWaiting(read);
    return () => {
      alive = false;
      stop();
    };
  }, []);

  if (opened) return <WaitingCards first={opened} />;
  const [top, ...rest] = (waiting ?? NOTHING_WAITS).kinds;
  return (
    <div class="waiting-slot">
      {/* Read and nothing due: said quietly, so the slot is not an empty gap. */}
      {waiting && !top && <p class="waiting-none small muted">{t('waitingNone')}</p>}
      {waiting && top && (
        <button type="button" class="waiting-strip" onClick={() => setOpened(top)}>
          <span class="waiting-kind">{t(KIND_LABEL[top])}</span>{' '}
          <span class="waiting-words" dir="auto">
            {waiting?.words[top] ?? t(KIND_WORDS[top])}
          </span>
          {rest.length > 0 && (
            <>
              {' '}
              <span class="chip waiting-more">{tn('waitingMore', rest.length)}</span>
            </>
          )}
        </button>
      )}
    </div>
  );
}

/**
 * The cards for everything due, where the strip was; the one the strip named gets the focus once
 * its code has loaded and it has drawn (its answer box, else its first button).
 */
function WaitingCards({ first }: { first: WaitKind }) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = region.current;
    if (!root) return;
    // The strip that had the focus is gone: the region holds it until the card has drawn.
    root.focus();
    const focusFirst = () => {
      const card = root.querySelector(`[data-wait="${first}"]`);
      const target = card?.querySelector<HTMLElement>('textarea, button:not([disabled]), a[href]');
      if (!target) return false;
      target.focus();
      return true;
    };
    if (focusFirst()) return;
    // The cards load and read the database after this render: focus follows what they draw.
    const observer = new MutationObserver(() => {
      if (focusFirst()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div class="waiting-cards" ref={region} tabIndex={-1} role="group" aria-label={t('waitingHeading')}>
      <DuePrompt startOpen />
      <DueReviews />
      <FollowUpPrompt />
    </div>
  );
}
