import { rangeOf, readPageText } from '../capture/page-text';
import { LIMITS } from '../infra/limits';
import { type AnchorHow, type AnchorQuote, anchorQuote, APPROX_BUDGET } from './anchor';

/**
 * The kept quotes drawn on their page with the CSS Custom Highlight API: ranges in a named
 * highlight that the extension's stylesheet (`HIGHLIGHT_CSS`, inserted by `scripting.insertCSS`)
 * colours. Nothing is added to the page's DOM, so its own scripts and layout are untouched.
 */

/** The highlight's name in `CSS.highlights` and in the stylesheet. */
export const HIGHLIGHT_NAME = 'learning-loop-quote';

/** A marker pen's yellow under the text; the underline keeps it visible on a yellow or dark page. */
export const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgb(255 212 59 / 0.5); text-decoration: underline 2px rgb(222 160 0); text-underline-offset: 2px; }`;

/** What the popup sends: a quote's id and what finds it. */
export interface QuoteToFind extends AnchorQuote {
  id: string;
}

export interface QuoteFound {
  id: string;
  /** How it was found, or null when the page does not hold it now. */
  how: AnchorHow | null;
}

/** The page's answer; `drawn` is false where the browser has no Custom Highlight API. */
export interface HighlightAnswer {
  drawn: boolean;
  found: QuoteFound[];
}

/** Runs in the page: finds each quote and draws all those found as one highlight. */
export function highlightQuotes(doc: Document, quotes: readonly QuoteToFind[]): HighlightAnswer {
  const page = readPageText(doc);
  const budget = { left: APPROX_BUDGET };
  const ranges: Range[] = [];
  const found = quotes.slice(0, LIMITS.quotes).map((quote): QuoteFound => {
    const anchor = anchorQuote(page.text, quote, { budget });
    const range = anchor && rangeOf(page, anchor.start, anchor.end, doc);
    if (!anchor || !range) return { id: quote.id, how: null };
    ranges.push(range);
    return { id: quote.id, how: anchor.how };
  });
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = view?.CSS?.highlights;
  if (!registry || typeof view.Highlight !== 'function') return { drawn: false, found };
  // Replaced, not added to: a quote removed since the last opening is no longer marked.
  if (ranges.length) registry.set(HIGHLIGHT_NAME, new view.Highlight(...ranges));
  else registry.delete(HIGHLIGHT_NAME);
  return { drawn: true, found };
}
