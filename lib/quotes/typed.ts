import { capLine, capText, LIMITS } from '../infra/limits';
import { cleanQuoteLocation, type Quote } from '../model/quote';

/** What the "Add a quote" form holds, as typed. */
export interface QuoteDraft {
  text: string;
  page: string;
  loc: string;
  note: string;
}

/** Why a typed quote is not kept; the form says it beside the button. */
export type QuoteDraftProblem = 'empty' | 'too-long' | 'location-too-long' | 'note-too-long' | 'already' | 'too-many';

/**
 * A quote typed from a book or any source with no page to select on: the words, where they stand
 * and a note. It has no context and no text directive, as nothing can find it on a page. Refused,
 * never cut: what is too long stays in the form for the user to shorten.
 */
export function typedQuote(
  draft: QuoteDraft,
  id: string,
  now: number,
): { quote: Quote; problem?: undefined } | { quote?: undefined; problem: QuoteDraftProblem } {
  // Whitespace folds as a page's selection does (lib/model/quote.ts): one line, the words kept.
  const exact = draft.text.replace(/\s+/g, ' ').trim();
  if (!exact) return { problem: 'empty' };
  if (exact.length > LIMITS.quote) return { problem: 'too-long' };
  if (draft.page.trim().length > LIMITS.quoteLocation || draft.loc.trim().length > LIMITS.quoteLocation)
    return { problem: 'location-too-long' };
  if (draft.note.length > LIMITS.quoteNote) return { problem: 'note-too-long' };
  const quote: Quote = {
    id,
    exact: capLine(exact, LIMITS.quote),
    note: capText(draft.note, LIMITS.quoteNote),
    createdAt: now,
  };
  const location = cleanQuoteLocation({ page: draft.page, loc: draft.loc });
  if (location) quote.location = location;
  return { quote };
}

/** The same words at the same place typed again (a double click on Add quote) are one quote. */
export function sameTypedQuote(a: Pick<Quote, 'exact' | 'location'>, b: Pick<Quote, 'exact' | 'location'>): boolean {
  return (
    a.exact === b.exact &&
    (a.location?.page ?? '') === (b.location?.page ?? '') &&
    (a.location?.loc ?? '') === (b.location?.loc ?? '')
  );
}

/** A quote typed here rather than kept from a page: nothing leads back to a passage on a page. */
export function isTypedQuote(quote: Pick<Quote, 'prefix' | 'suffix' | 'fragment'>): boolean {
  return !quote.fragment && !quote.prefix && !quote.suffix;
}
