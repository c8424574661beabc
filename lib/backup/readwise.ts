import Papa from 'papaparse';
import { capLine, LIMITS } from '../infra/limits';
import { EARLIEST_RECORD_TIME } from '../infra/time';
import {
  type HighlightBook,
  MAX_HIGHLIGHTS,
  normaliseForId,
  type ParsedHighlights,
  skippedHighlight,
} from './highlights';
import type { SkippedEntry, SkipReason } from './links';
import type { QuoteLocation } from '../model/quote';

/** Readwise's CSV export, column for column: how the file is told from any other CSV. */
export const READWISE_HEADER = [
  'Highlight',
  'Book Title',
  'Book Author',
  'Amazon Book ID',
  'Note',
  'Color',
  'Tags',
  'Location Type',
  'Location',
  'Highlighted at',
  'Document tags',
] as const;

const normaliseHeader = (cells: readonly unknown[]) => cells.map((cell) => String(cell).trim().toLowerCase());
const WANTED = normaliseHeader(READWISE_HEADER).join(',');

/** Is the file's first line Readwise's header? */
export function looksLikeReadwise(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return normaliseHeader(first.split(',').map((cell) => cell.replace(/^"|"$/g, ''))).join(',') === WANTED;
}

/**
 * Readwise writes `2023-05-01 14:03:00+00:00` (a space, not a `T`); a time with no zone is read
 * as local. Undefined when absent, unreadable, before 1990 or more than a day ahead.
 */
export function readwiseTime(value: string | undefined, now: number): number | undefined {
  const raw = value?.trim();
  if (!raw || !/^\d{4}-\d{2}-\d{2}/.test(raw)) return undefined;
  const iso = raw.replace(/^(\d{4}-\d{2}-\d{2})[ T]/, '$1T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(/T/.test(iso) ? iso : `${iso}T00:00:00`);
  if (!Number.isFinite(ms) || ms < EARLIEST_RECORD_TIME || ms > now + 86_400_000) return undefined;
  return Math.floor(ms);
}

/**
 * Location Type `page` is a page, `location` a Kindle location; `order`, `offset` and `time` are
 * Readwise's own positions (a highlight's index, a character offset, a podcast's second) that no
 * reader can turn to, so they are not kept.
 */
function locationOf(type: string | undefined, value: string | undefined): QuoteLocation | undefined {
  const where = value?.trim();
  // Readwise writes 0 where a highlight has no place.
  if (!where || where === '0') return undefined;
  const kind = type?.trim().toLowerCase();
  if (kind === 'page') return { page: where };
  if (kind === 'location') return { loc: where };
  return undefined;
}

/** Readwise separates tags with commas (and writes `.h1`-style tags of its own, kept as tags). */
function splitTags(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * Readwise's CSV export: one row a highlight, its book by title and author. Parsed with papaparse
 * (commas, quotes and line breaks inside a highlight). Lenient: a row without words or a book is
 * skipped with its reason; the same passage twice in a book is kept once. Never throws.
 */
export function parseReadwise(text: string, now = Date.now()): ParsedHighlights {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const rows = result.data.filter((row): row is string[] => Array.isArray(row));
  const books = new Map<string, HighlightBook>();
  const seen = new Map<string, number>();
  const skipped: SkippedEntry[] = [];
  let read = 0;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const position = i;
    const cell = (index: number) => (typeof row[index] === 'string' ? row[index] : '');
    // Folded and capped as the quote will hold it, so repeats are told apart as the library would.
    const highlight = capLine(cell(0), LIMITS.quote);
    const title = cell(1).trim();
    const author = cell(2).trim();
    const key = `${normaliseForId(title)}\u0000${normaliseForId(author)}`;
    const words = normaliseForId(highlight);
    const passage = `${key}\u0000${words}`;
    const firstAt = seen.get(passage);
    const reason: SkipReason | undefined = !title
      ? 'missing-title'
      : !highlight
        ? 'empty-highlight'
        : firstAt !== undefined
          ? 'duplicate'
          : read >= MAX_HIGHLIGHTS
            ? 'too-many-highlights'
            : undefined;
    if (reason) {
      skipped.push(skippedHighlight(position, reason, title, highlight, reason === 'duplicate' ? firstAt : undefined));
      continue;
    }
    seen.set(passage, position);
    read++;
    let book = books.get(key);
    if (!book) {
      book = { title, tags: [], highlights: [], notes: [] };
      if (author) book.author = author;
      const asin = cell(3).trim();
      if (asin) book.asin = asin;
      books.set(key, book);
    }
    for (const tag of [...splitTags(cell(10)), ...splitTags(cell(6))])
      if (!book.tags.includes(tag)) book.tags.push(tag);
    const entry: HighlightBook['highlights'][number] = { position, text: highlight, words };
    const note = cell(4).trim();
    if (note) entry.note = note;
    const location = locationOf(cell(7), cell(8));
    if (location) entry.location = location;
    const createdAt = readwiseTime(cell(9), now);
    if (createdAt !== undefined) entry.createdAt = createdAt;
    book.highlights.push(entry);
  }
  return { source: 'readwise', books: [...books.values()], skipped };
}
