import Papa from 'papaparse';
import type { Quote } from '../model/quote';
import type { Resource } from '../model/resource';
import { READWISE_HEADER } from './readwise';

/** Readwise's export header, exactly: the one its importer (`./readwise.ts`) recognises. */
export const READWISE_COLUMNS = READWISE_HEADER;

/** "2026-12-08 03:20:11+00:00": Readwise's own form of a highlight's time, in UTC. */
export function formatReadwiseTime(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return '';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}+00:00`;
}

/**
 * One column holds a quote's place. Where both are known (a Kindle clipping gives both), the
 * location is written: it is Kindle's and Readwise's unit and exact, where a page depends on the
 * edition and the device's font size.
 */
function place(quote: Quote): [type: string, value: string] {
  if (quote.location?.loc) return ['location', quote.location.loc];
  if (quote.location?.page) return ['page', quote.location.page];
  return ['', ''];
}

/**
 * Every quote of every resource and activity, oldest first within its resource, as Readwise's CSV.
 * The resource's tags are its document's tags (Readwise's `Tags` are a highlight's own, which a
 * quote here does not have). papaparse quotes what needs it, so commas, quotes and line breaks in
 * a passage survive. No formula escaping and no BOM: the file is for tools that import it, and a
 * leading apostrophe would become part of the highlight there.
 */
export function quotesToReadwiseCsv(resources: readonly Resource[]): { csv: string; quotes: number } {
  const rows: string[][] = [];
  for (const resource of resources) {
    const tags = resource.tags.join(', ');
    const quotes = [...(resource.quotes ?? [])].sort((a, b) => a.createdAt - b.createdAt);
    for (const quote of quotes) {
      const [type, value] = place(quote);
      rows.push([
        quote.exact,
        resource.title,
        resource.author ?? '',
        '',
        quote.note,
        '',
        '',
        type,
        value,
        formatReadwiseTime(quote.createdAt),
        tags,
      ]);
    }
  }
  const text = Papa.unparse({ fields: [...READWISE_COLUMNS], data: rows }, { newline: '\r\n', quotes: false });
  // papaparse ends a file of no rows with the header's line break, and one with rows without it.
  const csv = text.endsWith('\r\n') ? text : `${text}\r\n`;
  return { csv, quotes: rows.length };
}
