import { useEffect, useRef, useState } from 'preact/hooks';
import { useUndoOffer } from '@/components/hooks/undo';
import { newActionHref } from '@/lib/actions/source';
import { editQuoteNote, removeQuote } from '@/lib/app/quotes';
import { getResource } from '@/lib/app/resources';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Quote } from '@/lib/model/quote';
import type { Resource } from '@/lib/model/resource';
import { formatDate, t } from '@/lib/i18n';
import { capLine, LIMITS } from '@/lib/infra/limits';
import { quoteHref } from '@/lib/quotes/fragment';
import { formatQuoteLocation } from '@/lib/quotes/location';
import { isTypedQuote } from '@/lib/quotes/typed';
import { QuoteForm } from './QuoteForm';
import { QuotePlace } from './QuotePlace';

interface Props {
  resource: Resource;
  /** The record as stored after this page's own write (the page does not hear its own echo). */
  onStored: (resource: Resource) => void;
  /** Appends the quote to the takeaways field, as if typed there. */
  onTakeaway: (quote: Quote) => void;
}

/** A quote's note, edited in place: kept as typed; a change from elsewhere never eats typing. */
function QuoteNote({
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
  const [value, setValue] = useState(quote.note);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (document.activeElement !== input.current) setValue(quote.note);
  }, [quote.note]);
  return (
    <textarea
      ref={input}
      class="input res-quote-note"
      rows={1}
      value={value}
      maxLength={LIMITS.quoteNote}
      placeholder={t('libQuoteNotePlaceholder')}
      aria-label={t('libQuoteNoteOf', capLine(quote.exact, 60))}
      onInput={(event) => {
        const note = event.currentTarget.value;
        setValue(note);
        void editQuoteNote(resourceId, quote.id, note).then(
          (updated) => updated && onStored(updated),
          (error: unknown) => onError(describeWriteError(error)),
        );
      }}
    />
  );
}

/**
 * The passages kept from this page or typed here (from a book: with its page or location): each
 * with its context, its note, a link that opens the page at it (a text fragment; a typed quote has
 * none), and the ways on: a takeaway, an action, or gone (with Undo). Below, "Add a quote".
 */
export function ResourceQuotes({ resource, onStored, onTakeaway }: Props) {
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');
  const { offer, remove, takeBack } = useUndoOffer(setError);
  const quotes = resource.quotes ?? [];
  const refresh = () =>
    void getResource(resource.id).then(
      (stored) => stored && onStored(stored),
      () => undefined,
    );

  return (
    <section class="res-quotes card panel" aria-labelledby="res-quotes-title">
      <h2 id="res-quotes-title">
        {t('libQuotesTitle')}
        {quotes.length > 0 && <span class="muted res-quotes-count"> {quotes.length}</span>}
      </h2>
      {quotes.length === 0 ? (
        // Selecting a passage is how a page gets quotes; a video or an activity has only the form below.
        resource.kind !== 'video' && resource.kind !== 'activity' && <p class="small muted">{t('libQuotesEmpty')}</p>
      ) : (
        <ol class="res-quote-list">
          {quotes.map((quote) => {
            const typed = isTypedQuote(quote);
            const href = typed ? undefined : quoteHref(resource.url, quote.fragment);
            const where = formatQuoteLocation(quote.location);
            return (
              <li key={quote.id} class="res-quote" data-quote-id={quote.id}>
                <blockquote class="res-quote-text" dir="auto">
                  {quote.prefix && <span class="res-quote-context">…{quote.prefix}</span>}
                  <span class="res-quote-exact">{quote.exact}</span>
                  {quote.suffix && <span class="res-quote-context">{quote.suffix}…</span>}
                </blockquote>
                <p class="res-quote-when small muted">
                  {where && (
                    <span class="res-quote-where" dir="auto">
                      {where} ·{' '}
                    </span>
                  )}
                  {t(typed ? 'libQuoteTyped' : 'libQuoteKept', formatDate(quote.createdAt))}
                  {!typed && !quote.prefix && !quote.suffix && ` · ${t('libQuoteNoPlace')}`}
                </p>
                <QuoteNote resourceId={resource.id} quote={quote} onStored={onStored} onError={setError} />
                <QuotePlace resourceId={resource.id} quote={quote} onStored={onStored} onError={setError} />
                <p class="res-quote-actions small">
                  {href && (
                    <a class="res-quote-open" href={href} target="_blank" rel="noopener noreferrer">
                      {t('libQuoteOpen')}
                    </a>
                  )}
                  <button
                    type="button"
                    class="btn btn-small btn-ghost"
                    onClick={() => {
                      onTakeaway(quote);
                      setSaid(t('libQuoteTakeawayAdded'));
                    }}
                  >
                    {t('libQuoteToTakeaway')}
                  </button>
                  <a
                    class="btn btn-small btn-ghost"
                    href={newActionHref('resource', resource.id, { kind: 'quote', id: quote.id })}
                  >
                    {t('libQuoteToAction')}
                  </a>
                  <button
                    type="button"
                    class="btn btn-small btn-ghost res-quote-delete"
                    onClick={() =>
                      void remove(async () => {
                        const undo = await removeQuote(resource.id, quote.id);
                        refresh();
                        return undo;
                      })
                    }
                  >
                    {t('libQuoteDelete')}
                  </button>
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {offer && (
        <div class="res-undo-inline notice notice-warn" role="status">
          <span>{t('libQuoteDeleted', capLine(offer.label ?? '', 80))}</span>
          <button type="button" class="btn btn-small" onClick={() => void takeBack().then(refresh)}>
            {t('libUndo')}
          </button>
        </div>
      )}
      <QuoteForm resource={resource} onStored={onStored} />
      {said && !offer && (
        <p class="small muted" role="status">
          {said}
        </p>
      )}
      {error && (
        <p class="notice notice-error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
