import { isWebUrl } from '../infra/limits';
import { isFragmentDirective } from '../model/quote-directive';

export { isFragmentDirective } from '../model/quote-directive';

/**
 * Text fragments (`#:~:text=…`, https://wicg.github.io/scroll-to-text-fragment/): a link that
 * makes the browser scroll to a passage and mark it. Chrome follows them, Firefox since 131.
 */

/** The terms of a text directive, as `text-fragments-polyfill`'s generator returns them. */
export interface FragmentParts {
  textStart: string;
  textEnd?: string;
  prefix?: string;
  suffix?: string;
}

/**
 * One term, percent-encoded: the spec reserves `-` (prefix/suffix markers), `,` (between terms)
 * and `&` (between directives), and the fragment cannot hold spaces or `#`.
 */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/**
 * `text=[prefix-,]start[,end][,-suffix]`; undefined when there is no start. Runs of white space
 * fold to one space, as the page's text does: the generator copies source line breaks and
 * indentation into its terms, which Chromium then does not find.
 */
export function fragmentDirective(parts: FragmentParts): string | undefined {
  const fold = (term: string | undefined) => term?.replace(/\s+/g, ' ').trim() ?? '';
  const start = fold(parts.textStart);
  if (!start) return undefined;
  const terms: string[] = [];
  if (fold(parts.prefix)) terms.push(`${encodeFragmentTerm(fold(parts.prefix))}-`);
  terms.push(encodeFragmentTerm(start));
  if (fold(parts.textEnd)) terms.push(encodeFragmentTerm(fold(parts.textEnd)));
  if (fold(parts.suffix)) terms.push(`-${encodeFragmentTerm(fold(parts.suffix))}`);
  const directive = `text=${terms.join(',')}`;
  return isFragmentDirective(directive) ? directive : undefined;
}

/** A quote of at most this many words is matched whole; a longer one by its first and last words. */
const WHOLE_QUOTE_WORDS = 8;
const EDGE_WORDS = 4;

/**
 * A directive from the quote's text alone, for a quote kept where the page could not be read
 * (the PDF viewer, a frame of another site): its words, or its first and last few.
 */
export function fragmentFromText(exact: string): string | undefined {
  const words = exact.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  if (words.length <= WHOLE_QUOTE_WORDS) return fragmentDirective({ textStart: words.join(' ') });
  return fragmentDirective({
    textStart: words.slice(0, EDGE_WORDS).join(' '),
    textEnd: words.slice(-EDGE_WORDS).join(' '),
  });
}

/**
 * The page's address that opens at the quote: the directive after the page's own fragment (an
 * app's `#/route` keeps working), any older directive replaced. Only http(s) addresses.
 */
export function quoteHref(url: string | undefined, fragment: string | undefined): string | undefined {
  if (!isWebUrl(url)) return undefined;
  const address = new URL(url);
  const ownFragment = address.hash.replace(/:~:.*$/, '');
  address.hash = '';
  if (!isFragmentDirective(fragment)) return `${address.href}${ownFragment}`;
  const href = `${address.href}${ownFragment || '#'}:~:${fragment}`;
  return isWebUrl(href) ? href : `${address.href}${ownFragment}`;
}
