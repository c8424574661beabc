import { t } from '../i18n';
import type { QuoteLocation } from '../model/quote';

/** A range typed with a hyphen reads as one with an en dash: "170-172" → "170–172". */
const asRange = (part: string) => part.replace(/(\w)\s*-\s*(\w)/g, '$1–$2');

/**
 * Where a quote stands in a book, as a reader cites it: "p. 12 · loc. 170–172" (Swedish "s. 12 ·
 * pos. 170–172"); empty when it has no location.
 */
export function formatQuoteLocation(location: QuoteLocation | undefined): string {
  const parts: string[] = [];
  if (location?.page) parts.push(t('quoteAtPage', asRange(location.page)));
  if (location?.loc) parts.push(t('quoteAtLoc', asRange(location.loc)));
  return parts.join(' · ');
}
