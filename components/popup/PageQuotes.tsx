import { useEffect, useState } from 'preact/hooks';
import { type QuotesOnPage, showQuotesOnPage } from '@/lib/app/page-quotes';
import { tn } from '@/lib/i18n';
import { quoteExcerpt } from '@/lib/model/quote';
import { useCapture } from './useCapture';
import './page-quotes.css';

/** Quotes not found that are shown by their words; the rest are counted. */
const MISSING_SHOWN = 3;

/**
 * On a saved page, its kept quotes marked in the page (lib/app/page-quotes.ts) and a line saying
 * so, with the quotes the page no longer holds. Nothing on a page without quotes.
 */
export function PageQuotes() {
  const { capture, saved } = useCapture();
  const [shown, setShown] = useState<QuotesOnPage | undefined>(undefined);
  // Marked once the tab is read (the capture's script goes first), and again when a quote is kept here.
  const read = capture.phase === 'ready' && !capture.beforeReading;
  const quotes = read ? saved?.quotes : undefined;
  const key = quotes?.map((quote) => quote.id).join(' ') ?? '';
  useEffect(() => {
    if (!quotes?.length) return;
    let current = true;
    void showQuotesOnPage({ quotes }).then((result) => current && setShown(result));
    return () => {
      current = false;
    };
  }, [key]);
  if (!shown || !key) return null;
  const { highlighted, missing } = shown;
  return (
    <section class="page-quotes small" role="status">
      {highlighted > 0 && (
        <p class="page-quotes-marked">
          <span class="page-quotes-swatch" aria-hidden="true" />
          {tn('popupQuotesHighlighted', highlighted)}
        </p>
      )}
      {missing.length > 0 && (
        <div class="page-quotes-missing">
          <p>{tn('popupQuotesMissing', missing.length)}</p>
          {missing.slice(0, MISSING_SHOWN).map((quote) => (
            <blockquote key={quote.id} class="page-quotes-text clamp-2" dir="auto">
              {quoteExcerpt(quote, 160)}
            </blockquote>
          ))}
          {missing.length > MISSING_SHOWN && (
            <p class="muted">{tn('popupQuotesMissingMore', missing.length - MISSING_SHOWN)}</p>
          )}
        </div>
      )}
    </section>
  );
}
