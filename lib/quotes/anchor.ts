import approxSearch from 'approx-string-match';
import type { Quote } from '../model/quote';

/**
 * Finding a kept quote in a page's text again, as the W3C TextQuoteSelector is anchored
 * (https://www.w3.org/TR/annotation-model/#text-quote-selector; Hypothesis' match-quote.ts is the
 * model): the text is the page's, whitespace folded as the quote's was when it was kept
 * (`lib/quotes/page-text.ts`), so offsets here are offsets in that folded text.
 */

/** How a quote was found: with its context, alone and unique, or with a few edits. */
export type AnchorHow = 'exact' | 'unique' | 'approx';

export interface Anchor {
  start: number;
  end: number;
  how: AnchorHow;
}

/** A quote may differ from the page now by at most this share of its characters. */
export const MAX_EDIT_SHARE = 0.1;
/**
 * Occurrences of a quote looked at: a word that stands a hundred thousand times on a page
 * is no place anyway, and each is checked against the context.
 */
const MAX_OCCURRENCES = 1_000;
/**
 * The tolerant search's cost is about the text's length times (errors allowed / 32 + 1): a
 * budget of that product per page, so a page of many quotes that all moved cannot hold up the
 * tab. Measured in Node on 2.1 million characters: a 300-character quote (cost 4 M) took 53 ms,
 * a 4,000-character one (30 M) 266 ms; so about 150 ms in all, e.g. 100 moved quotes on a page
 * of 100,000 characters, or 5 on the longest page read.
 */
export const APPROX_BUDGET = 20_000_000;

export type AnchorQuote = Pick<Quote, 'exact' | 'prefix' | 'suffix'>;

/**
 * A quote longer than the stored cap was cut and ends in "…": the part kept is looked for, and its
 * suffix no longer touches it.
 */
function searchable(quote: AnchorQuote): { exact: string; suffix: string; prefix: string } {
  const cut = quote.exact.endsWith('…') && quote.exact.length > 1;
  return {
    exact: cut ? quote.exact.slice(0, -1).trimEnd() : quote.exact,
    prefix: (quote.prefix ?? '').trimEnd(),
    suffix: cut ? '' : (quote.suffix ?? '').trimStart(),
  };
}

function occurrencesOf(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1 && found.length < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1))
    found.push(at);
  return found;
}

/** Whether the page's text before `start` ends with the prefix (space at the join aside). */
function prefixFits(text: string, start: number, prefix: string): boolean {
  if (!prefix) return true;
  const before = text.slice(Math.max(0, start - prefix.length - 1), start).trimEnd();
  return before.endsWith(prefix);
}

function suffixFits(text: string, end: number, suffix: string): boolean {
  if (!suffix) return true;
  return text
    .slice(end, end + suffix.length + 1)
    .trimStart()
    .startsWith(suffix);
}

/** 1 for the same text, 0 for nothing alike: `1 - edits / length` of the best match of `str` in `text`. */
function similarity(text: string, str: string): number {
  if (!str || !text) return 0;
  const [best] = approxSearch(text, str, str.length);
  return best ? 1 - best.errors / str.length : 0;
}

export interface AnchorOptions {
  /** What the tolerant search may still spend; reduced by what it spends (one per page). */
  budget?: { left: number };
}

/**
 * Where `quote` stands in `text`, or null when it is not there now. In order: the quote with its
 * prefix and suffix; else the quote alone when it stands once; else the place, with at most
 * `MAX_EDIT_SHARE` of edits, whose surroundings are most like the stored context.
 */
export function anchorQuote(text: string, quote: AnchorQuote, options: AnchorOptions = {}): Anchor | null {
  const { exact, prefix, suffix } = searchable(quote);
  if (!exact) return null;
  const found = occurrencesOf(text, exact);
  const inContext = found.find((at) => prefixFits(text, at, prefix) && suffixFits(text, at + exact.length, suffix));
  if (inContext !== undefined) return { start: inContext, end: inContext + exact.length, how: 'exact' };
  const [only] = found;
  if (found.length === 1 && only !== undefined) return { start: only, end: only + exact.length, how: 'unique' };

  let candidates: { start: number; end: number; errors: number }[];
  if (found.length) candidates = found.map((at) => ({ start: at, end: at + exact.length, errors: 0 }));
  else {
    const maxErrors = Math.floor(exact.length * MAX_EDIT_SHARE);
    if (maxErrors === 0) return null;
    const cost = text.length * (Math.ceil(maxErrors / 32) + 1);
    const budget = options.budget;
    if (budget) {
      if (cost > budget.left) return null;
      budget.left -= cost;
    }
    candidates = approxSearch(text, exact, maxErrors);
  }
  let [best] = candidates;
  if (!best) return null;
  // Hypothesis' weights: the quote itself counts most, the context on either side next.
  const score = (match: { start: number; end: number; errors: number }) =>
    50 * (1 - match.errors / exact.length) +
    20 * (prefix ? similarity(text.slice(Math.max(0, match.start - prefix.length - 1), match.start), prefix) : 1) +
    20 * (suffix ? similarity(text.slice(match.end, match.end + suffix.length + 1), suffix) : 1);
  let bestScore = score(best);
  for (const match of candidates.slice(1, MAX_OCCURRENCES)) {
    const value = score(match);
    if (value > bestScore) {
      best = match;
      bestScore = value;
    }
  }
  return trimmed(text, { start: best.start, end: best.end, how: 'approx' });
}

/** A tolerant match may begin or end on the space between words: the mark starts at the word. */
function trimmed(text: string, anchor: Anchor): Anchor | null {
  let { start, end } = anchor;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return end > start ? { ...anchor, start, end } : null;
}
