import { useEffect, useRef, useState } from 'preact/hooks';
import { editQuoteLocation } from '@/lib/app/quotes';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Quote } from '@/lib/model/quote';
import type { Resource } from '@/lib/model/resource';
import { t } from '@/lib/i18n';
import { capLine, LIMITS } from '@/lib/infra/limits';

/**
 * A quote's page and location, corrected in place behind a disclosure (most quotes never need
 * it): saved as typed, and a change from elsewhere refills a field only while it is not focused.
 */
export function QuotePlace({
  resourceId,
  quote,
  onStored,
  onError,
}: {
  resourceId: string;
  quote: Quote;
  onStored: (resource: Resource) => void;
  onError: (message: string) => void;
}) {
  const [place, setPlace] = useState({ page: quote.location?.page ?? '', loc: quote.location?.loc ?? '' });
  const fields = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!fields.current?.contains(document.activeElement))
      setPlace({ page: quote.location?.page ?? '', loc: quote.location?.loc ?? '' });
  }, [quote.location?.page, quote.location?.loc]);
  const save = (next: typeof place) => {
    setPlace(next);
    void editQuoteLocation(resourceId, quote.id, next).then(
      (updated) => updated && onStored(updated),
      (error: unknown) => onError(describeWriteError(error)),
    );
  };
  const excerpt = capLine(quote.exact, 60);
  return (
    <details class="res-quote-place small">
      <summary>{t('libQuotePlaceEdit')}</summary>
      <div class="res-quote-add-where" ref={fields}>
        <label class="field">
          <span>{t('libQuoteAddPage')}</span>
          <input
            class="input res-quote-place-page"
            type="text"
            dir="auto"
            value={place.page}
            maxLength={LIMITS.quoteLocation}
            aria-label={t('libQuotePageOf', excerpt)}
            onInput={(event) => save({ ...place, page: event.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>{t('libQuoteAddLoc')}</span>
          <input
            class="input res-quote-place-loc"
            type="text"
            dir="auto"
            value={place.loc}
            maxLength={LIMITS.quoteLocation}
            aria-label={t('libQuoteLocOf', excerpt)}
            onInput={(event) => save({ ...place, loc: event.currentTarget.value })}
          />
        </label>
      </div>
    </details>
  );
}
