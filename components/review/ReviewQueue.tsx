import { Component } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { newActionHref } from '@/lib/actions/source';
import { answerReview, type DueReview, preloadScheduler } from '@/lib/app/review';
import { undo as takeBack } from '@/lib/app/undo';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { REVIEW_ANSWERS, type ReviewAnswer } from '@/lib/model/review-card';
import { formatDate, t } from '@/lib/i18n';
import { answerLabel, describeReviewItem, itemKindLabel } from '@/lib/review/describe';
import { kindChip } from '@/lib/format/resource-format';
import { routeHash } from '@/lib/routes';
import './review.css';

interface Props {
  reviews: readonly DueReview[];
  /** Where library links go: '' inside the library, the library's URL from the popup (new tab). */
  libraryUrl?: string;
  /** 1–4 answer the first card from anywhere on the page (the library's Review section). */
  keys?: boolean;
  /** At most this many cards show (the popup's session); all when unset. */
  limit?: number;
  /** Called after an answer or an undo, with how many cards this queue has answered and not undone. */
  onChanged: (answeredHere: number) => void;
  /** Make an action: where the action form opens (the library navigates, the popup opens a tab). */
  onMakeAction: (href: string) => void;
}

interface Said {
  text: string;
  cardId: string;
  undoId?: number;
}

/** One click each: the card is answered, its next time said, and an Undo offered. */
export function ReviewQueue({ reviews: due, limit, libraryUrl = '', keys = false, onChanged, onMakeAction }: Props) {
  const [said, setSaid] = useState<Said | null>(null);
  // An answered card leaves the queue at once: the caller's list reloads a moment later, and
  // until then the card on top (the one the keys answer) would still be the answered one.
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  // Cards another window answered first: they leave this queue too, but were not answered here.
  const [answeredElsewhere, setAnsweredElsewhere] = useState<ReadonlySet<string>>(new Set());
  const open = due.filter((review) => !answered.has(review.card.id) && !answeredElsewhere.has(review.card.id));
  const reviews = limit === undefined ? open : open.slice(0, Math.max(0, limit));
  const [error, setError] = useState('');
  // One answer at a time (a double click answers once). A ref, not state: disabling every button
  // for the few milliseconds a write takes re-rendered the whole queue before the write began.
  const busy = useRef(false);
  useEffect(() => preloadScheduler(), []);

  const answer = async (review: DueReview, choice: ReviewAnswer) => {
    if (busy.current) return;
    busy.current = true;
    setError('');
    try {
      const outcome = await answerReview(review.card.id, choice, Date.now(), review.card);
      if (outcome?.alreadyAnswered) {
        setSaid({ text: t('reviewAnsweredElsewhere'), cardId: review.card.id });
        setAnsweredElsewhere((gone) => new Set(gone).add(review.card.id));
        return;
      }
      if (choice === 'action') {
        const item = { kind: review.card.itemKind, id: review.card.itemId };
        onMakeAction(newActionHref('resource', review.resource.id, item));
      }
      const next = outcome?.card.due;
      setSaid({
        text:
          choice === 'retire' || next === undefined
            ? t('reviewRetired')
            : t('reviewAnswered', answerLabel(choice), formatDate(next)),
        cardId: review.card.id,
        ...(outcome?.undo ? { undoId: outcome.undo.id } : {}),
      });
      const answeredNow = new Set(answered).add(review.card.id);
      setAnswered(answeredNow);
      onChanged(answeredNow.size);
    } catch (e) {
      setError(describeWriteError(e));
    } finally {
      busy.current = false;
    }
  };
  // The cards get one function that never changes (it calls the latest `answer`), so a card
  // whose review and place are unchanged is not drawn again when another one is answered.
  const latestAnswer = useRef(answer);
  latestAnswer.current = answer;
  const onAnswer = useRef((review: DueReview, choice: ReviewAnswer) => void latestAnswer.current(review, choice));

  // Keyboard-first in the library: 1–4 answer the card on top, unless the user is typing. Bound
  // before the cards are painted, so a key pressed as soon as they show is not lost.
  const top = reviews[0];
  useLayoutEffect(() => {
    if (!keys || !top) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        target?.closest('input, textarea, select, [contenteditable]')
      )
        return;
      const index = ['1', '2', '3', '4'].indexOf(event.key);
      if (index < 0) return;
      event.preventDefault();
      void answer(top, REVIEW_ANSWERS[index]!);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [keys, top?.card.id]);

  return (
    <div class="review-queue">
      {said && (
        <p class="notice review-said small" role="status">
          <span>{said.text}</span>
          {said.undoId !== undefined && (
            <button
              type="button"
              class="btn btn-small btn-ghost"
              onClick={() =>
                void takeBack(said.undoId!).then(
                  () => {
                    const back = new Set(answered);
                    back.delete(said.cardId);
                    setAnswered(back);
                    setSaid(null);
                    onChanged(back.size);
                  },
                  (e: unknown) => setError(describeWriteError(e)),
                )
              }
            >
              {t('reviewUndo')}
            </button>
          )}
        </p>
      )}
      {error && (
        <p class="notice notice-error small" role="alert">
          {error}
        </p>
      )}
      <ol class="review-list">
        {reviews.map((review, index) => (
          <ReviewCardView
            key={review.card.id}
            review={review}
            top={index === 0}
            keys={keys}
            libraryUrl={libraryUrl}
            onAnswer={onAnswer.current}
          />
        ))}
      </ol>
    </div>
  );
}

interface CardProps {
  review: DueReview;
  /** The card on top: the one the number keys answer (and show on its buttons). */
  top: boolean;
  keys: boolean;
  libraryUrl: string;
  onAnswer: (review: DueReview, choice: ReviewAnswer) => void;
}

/**
 * One card. Drawn again only when its props change: an answer then redraws the card that comes
 * on top, not the whole queue (in the library's queue of 25, about 6 ms of the answer's time).
 */
class ReviewCardView extends Component<CardProps> {
  override shouldComponentUpdate(next: CardProps): boolean {
    const now = this.props;
    return (
      next.review !== now.review ||
      next.top !== now.top ||
      next.keys !== now.keys ||
      next.libraryUrl !== now.libraryUrl ||
      next.onAnswer !== now.onAnswer
    );
  }

  override render() {
    const { review, top, keys, libraryUrl, onAnswer } = this.props;
    const { text, detail } = describeReviewItem(review.item);
    const headingId = `review-${review.card.id}`;
    return (
      <li class="review-card card" aria-labelledby={headingId} data-card-id={review.card.id}>
        <p class="review-source small">
          <span class="chip" title={kindChip(review.resource)}>
            {itemKindLabel(review.card.itemKind)}
          </span>
          <a
            dir="auto"
            href={`${libraryUrl}${routeHash('resource', review.resource.id)}`}
            {...(libraryUrl ? { target: '_blank', rel: 'noopener' } : {})}
          >
            {t('reviewFrom', review.resource.title || t('untitled'))}
          </a>
        </p>
        <p id={headingId} class="review-text" dir="auto">
          {text}
        </p>
        {detail && (
          <p class="review-detail small muted" dir="auto">
            {detail}
          </p>
        )}
        <div class="review-answers" role="group" aria-label={t('reviewPopupIntro')}>
          {REVIEW_ANSWERS.map((choice, i) => (
            <button
              key={choice}
              type="button"
              class={choice === 'applied' ? 'btn btn-small btn-primary' : 'btn btn-small'}
              aria-keyshortcuts={keys && top ? String(i + 1) : undefined}
              onClick={() => onAnswer(review, choice)}
            >
              {keys && top && (
                <kbd class="review-key" title={t('reviewKeyHint', i + 1)}>
                  {i + 1}
                </kbd>
              )}
              {answerLabel(choice)}
            </button>
          ))}
        </div>
      </li>
    );
  }
}
