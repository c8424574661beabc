import { capLine, capText, LIMITS } from '../infra/limits';
import { isFragmentDirective } from './quote-directive';

/**
 * A passage the user kept from a page: the text itself and a little text on either side, so the
 * place can be found again (the W3C Web Annotation TextQuoteSelector: `exact`, `prefix`,
 * `suffix`), and the text directive that brings the browser back to it.
 */
export interface Quote {
  id: string;
  /** The selected text, whitespace folded, capped. */
  exact: string;
  prefix?: string;
  suffix?: string;
  /** A text directive (`text=…`) for `#:~:`, built from the live page when the quote was kept. */
  fragment?: string;
  note: string;
  createdAt: number;
  /** Where in a book or document it stands (database version 7): a page, a Kindle location or both. */
  location?: QuoteLocation;
}

/**
 * A page ("12", "xiv") and/or a location ("170-172", Kindle's and Readwise's unit), as the source
 * wrote them: short text, not numbers, because books number pages in roman and ranges.
 */
export interface QuoteLocation {
  page?: string;
  loc?: string;
}

/** What capture reads of the user's selection: the quote before it is kept. */
export interface SelectedQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
  fragment?: string;
}

/** Whitespace runs folded to one space, ends kept (context touches the quote's own edges). */
const fold = (text: string) => text.replace(/\s+/g, ' ');

/** The context before a quote: its last `LIMITS.quoteContext` characters. */
export function capPrefix(text: unknown): string {
  if (typeof text !== 'string') return '';
  const folded = fold(text).trimStart();
  return Array.from(folded).slice(-LIMITS.quoteContext).join('');
}

/** The context after a quote: its first `LIMITS.quoteContext` characters. */
export function capSuffix(text: unknown): string {
  if (typeof text !== 'string') return '';
  const folded = fold(text).trimEnd();
  return Array.from(folded).slice(0, LIMITS.quoteContext).join('');
}

/** A selection as stored: folded, capped, with nothing left that is not text or a valid directive. */
export function cleanSelection(value: unknown): SelectedQuote | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const exact = capLine(record.exact, LIMITS.quote);
  if (!exact) return undefined;
  const out: SelectedQuote = { exact };
  const prefix = capPrefix(record.prefix);
  if (prefix.trim()) out.prefix = prefix;
  const suffix = capSuffix(record.suffix);
  if (suffix.trim()) out.suffix = suffix;
  if (isFragmentDirective(record.fragment)) out.fragment = record.fragment;
  return out;
}

/** A location as stored: each part one short line, the whole absent when neither part is left. */
export function cleanQuoteLocation(value: unknown): QuoteLocation | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const out: QuoteLocation = {};
  const page = capLine(record.page, LIMITS.quoteLocation);
  if (page) out.page = page;
  const loc = capLine(record.loc, LIMITS.quoteLocation);
  if (loc) out.loc = loc;
  return out.page || out.loc ? out : undefined;
}

export function cleanQuote(quote: Quote): Quote | undefined {
  const selection = cleanSelection(quote);
  if (!selection) return undefined;
  const cleaned: Quote = {
    id: quote.id,
    ...selection,
    note: capText(quote.note, LIMITS.quoteNote),
    createdAt: quote.createdAt,
  };
  const location = cleanQuoteLocation(quote.location);
  if (location) cleaned.location = location;
  return cleaned;
}

/** In the order they were kept; at most `LIMITS.quotes`. */
export function cleanQuotes(quotes: readonly Quote[]): Quote[] {
  return quotes
    .map(cleanQuote)
    .filter((quote): quote is Quote => quote !== undefined)
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(0, LIMITS.quotes);
}

/** The same passage kept twice (a double click on the menu) is one quote. */
export function hasQuote(quotes: readonly Quote[] | undefined, selection: SelectedQuote): Quote | undefined {
  return quotes?.find(
    (quote) =>
      quote.exact === selection.exact &&
      (quote.prefix ?? '') === (selection.prefix ?? '') &&
      (quote.suffix ?? '') === (selection.suffix ?? ''),
  );
}

/** "“The quote”", shortened for a prompt or a label. */
export function quoteExcerpt(quote: Pick<Quote, 'exact'>, max = 140): string {
  return capLine(quote.exact, max);
}
