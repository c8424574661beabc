import { capLine, capText, LIMITS, normaliseTags } from '../infra/limits';
import { localDay } from '../infra/time';
import { cleanQuoteLocation, type Quote, type QuoteLocation } from '../model/quote';
import type { Resource } from '../model/resource';
import { newReviewCard, type ReviewCard } from '../model/review-card';
import { newCardsByDay, spreadFirstReviews } from '../review/spread';
import type { SkippedEntry } from './links';

/** Where a file of highlights came from. */
export type HighlightSource = 'readwise' | 'kindle';

/** One highlight read from a file, before the library is looked at. */
export interface Highlight {
  /** 1-based: the CSV row (after the header) or the clipping's number. */
  position: number;
  text: string;
  /**
   * `normaliseForId` of the text, as the parser worked it out for its own repeats: not done twice.
   * A parser that gives it gives the text folded and capped already (`capLine`, `LIMITS.quote`).
   */
  words?: string;
  note?: string;
  location?: QuoteLocation;
  /** ms since the epoch; absent when the file did not say. */
  createdAt?: number;
}

export interface HighlightBook {
  title: string;
  author?: string;
  asin?: string;
  tags: string[];
  highlights: Highlight[];
  /** Notes written on no highlight (Kindle): they join the book's notes. */
  notes: string[];
}

export interface ParsedHighlights {
  source: HighlightSource;
  books: HighlightBook[];
  skipped: SkippedEntry[];
}

/**
 * Highlights read from one file, at most: ten times the largest library we measure (10,000
 * highlights over 200 books), and still a file the settings page reads in a moment.
 */
export const MAX_HIGHLIGHTS = 100_000;

/** Case, accents' composition and whitespace do not make another book or another passage. */
export function normaliseForId(text: string): string {
  // Composition only changes text beyond ASCII, and it is the slow step on 10,000 highlights.
  const composed = /[^ -~\s]/.test(text) ? text.normalize('NFC') : text;
  return composed.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Two FNV-1a hashes (64 bits) so 10,000 highlights do not meet by chance: `contentHash` of the text
 * and of the text after a \u0001, in one pass over it.
 */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = Math.imul(0x811c9dc5 ^ 1, 0x01000193);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

/** A book's id from what it is (title and author), so a second import finds it again. */
export function bookId(title: string, author: string | undefined): string {
  return `book-${hash64(`${normaliseForId(title)}\u0000${normaliseForId(author ?? '')}`)}`;
}

/** A highlight's id from its book and its words. */
export function highlightId(book: string, text: string): string {
  return idOfWords(book, normaliseForId(text));
}

/** The same, from words already normalised (`normaliseForId`): the plan normalises each highlight once. */
function idOfWords(book: string, words: string): string {
  return `hl-${hash64(`${book}\u0000${words}`)}`;
}

/** A skipped entry as the import's result lists it: where, which book, a few of its words. */
export function skippedHighlight(
  position: number,
  reason: SkippedEntry['reason'],
  title: string,
  text = '',
  firstAt?: number,
): SkippedEntry {
  const words = capLine(text, 80);
  const named = capLine(title, 120);
  return {
    position,
    url: '',
    ...(named || words ? { title: words ? `${named}: “${words}”` : named } : {}),
    reason,
    ...(firstAt !== undefined ? { firstAt } : {}),
  };
}

/** What an import of highlights would do, and the records it writes. */
export interface HighlightPlan {
  resources: Resource[];
  reviews: ReviewCard[];
  books: { added: number; updated: number; unchanged: number };
  quotes: { added: number; updated: number; unchanged: number };
  skipped: SkippedEntry[];
}

/**
 * A book the user logged by hand is the same book when its title and author are; failing a book,
 * any resource with that title and author (a page whose quotes went out as Readwise's CSV and come
 * back), so an export imported again lands where it came from.
 */
function bookFinder(existing: readonly Resource[]): (id: string, book: HighlightBook) => Resource | undefined {
  const byId = new Map(existing.map((r) => [r.id, r]));
  const byName = new Map<string, Resource[]>();
  for (const r of existing) {
    const key = nameKey(r.title, r.author);
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  return (id, book) => {
    const found = byId.get(id);
    if (found) return found;
    const same = byName.get(nameKey(book.title, book.author)) ?? [];
    return same.find((r) => r.kind === 'activity' && r.activityType === 'book') ?? same[0];
  };
}

const nameKey = (title: string, author: string | undefined) =>
  `${normaliseForId(title)}\u0000${normaliseForId(author ?? '')}`;

function newBook(book: HighlightBook, id: string, earliest: number, now: number): Resource {
  const record: Resource = {
    id,
    kind: 'activity',
    activityType: 'book',
    title: capLine(book.title, LIMITS.title),
    happenedOn: localDay(earliest),
    notes: '',
    clips: [],
    takeaways: [],
    tags: normaliseTags(book.tags),
    status: 'learning',
    // When the learning began: the digest's week is the week of the highlights, not the import's.
    createdAt: earliest,
    updatedAt: now,
  };
  const author = capLine(book.author, LIMITS.author);
  if (author) record.author = author;
  return record;
}

/** The book's notes with the file's free notes added, each line once. */
function withNotes(notes: string, lines: readonly string[]): string {
  let out = notes;
  for (const line of lines) {
    if (!line.trim() || out.includes(line.trim())) continue;
    out = out ? `${out}\n${line.trim()}` : line.trim();
  }
  return capText(out, LIMITS.notes);
}

/**
 * Highlights against the library: each book found (by id, or by title and author) or made, each
 * highlight a quote of it unless it has that passage already (same words; a note or a location it
 * lacked is filled in), new quotes' review cards first due a few a day from tomorrow on
 * (`spreadFirstReviews`). Pure and quick: the caller runs it inside the write's one transaction,
 * and the preview runs it on what the stores hold now. A second run on its own result adds nothing.
 */
export function planHighlights(
  existing: readonly Resource[],
  cards: readonly ReviewCard[],
  parsed: ParsedHighlights,
  now: number,
  perDay: number,
): HighlightPlan {
  const plan: HighlightPlan = {
    resources: [],
    reviews: [],
    books: { added: 0, updated: 0, unchanged: 0 },
    quotes: { added: 0, updated: 0, unchanged: 0 },
    skipped: [...parsed.skipped],
  };
  const cardIds = new Set(cards.map((card) => card.id));
  const findBook = bookFinder(existing);
  const newCards: { resourceId: string; quote: Quote }[] = [];
  const planned = new Map<string, Resource>();
  for (const book of parsed.books) {
    const id = bookId(book.title, book.author);
    const earliest = book.highlights.reduce((min, h) => Math.min(min, h.createdAt ?? now), now);
    const found = planned.get(id) ?? findBook(id, book);
    const before = found ?? newBook(book, id, earliest, now);
    const quotes = [...(before.quotes ?? [])];
    // The same words are the same passage, whoever kept it (typed, selected or imported).
    const byWords = new Map(quotes.map((q, i) => [normaliseForId(q.exact), i]));
    const byQuoteId = new Map(quotes.map((q, i) => [q.id, i]));
    let changed = !found;
    let quotesChanged = false;
    for (const highlight of book.highlights) {
      const text = highlight.words !== undefined ? highlight.text : capLine(highlight.text, LIMITS.quote);
      const words = highlight.words ?? normaliseForId(text);
      const quoteId = idOfWords(before.id, words);
      const index = byWords.get(words) ?? byQuoteId.get(quoteId) ?? -1;
      const note = capText(highlight.note?.trim() ?? '', LIMITS.quoteNote);
      const location = cleanQuoteLocation(highlight.location);
      if (index >= 0) {
        const here = quotes[index]!;
        const next: Quote = { ...here };
        if (!here.note.trim() && note) next.note = note;
        if (!here.location && location) next.location = location;
        if (next.note !== here.note || next.location !== here.location) {
          quotes[index] = next;
          plan.quotes.updated++;
          quotesChanged = true;
        } else plan.quotes.unchanged++;
        continue;
      }
      if (quotes.length >= LIMITS.quotes) {
        plan.skipped.push(skippedHighlight(highlight.position, 'too-many-quotes', book.title, text));
        continue;
      }
      const quote: Quote = { id: quoteId, exact: text, note, createdAt: highlight.createdAt ?? earliest };
      if (location) quote.location = location;
      byWords.set(words, quotes.length);
      byQuoteId.set(quoteId, quotes.length);
      quotes.push(quote);
      newCards.push({ resourceId: before.id, quote });
      plan.quotes.added++;
      quotesChanged = true;
    }
    const tags = normaliseTags([...before.tags, ...book.tags]);
    const notes = withNotes(before.notes, book.notes);
    if (quotesChanged || tags.length !== before.tags.length || notes !== before.notes) changed = true;
    if (!changed) {
      if (!planned.has(id)) plan.books.unchanged++;
      continue;
    }
    const after: Resource = {
      ...before,
      quotes: quotes.sort((a, b) => a.createdAt - b.createdAt),
      tags,
      notes,
      updatedAt: found ? Math.max(now, before.updatedAt + 1) : before.updatedAt,
    };
    if (!planned.has(id)) {
      if (found) plan.books.updated++;
      else plan.books.added++;
    }
    planned.set(id, after);
    planned.set(after.id, after);
  }
  plan.resources = [...new Set(planned.values())];
  const fresh = newCards.filter(({ resourceId, quote }) => !cardIds.has(`${resourceId}/quote/${quote.id}`));
  const dues = spreadFirstReviews(fresh.length, perDay, now, newCardsByDay(cards, now));
  plan.reviews = fresh.map(({ resourceId, quote }, i) => ({
    ...newReviewCard(resourceId, 'quote', quote.id, quote.createdAt, now),
    due: dues[i]!,
  }));
  return plan;
}

/** Readwise's 10,000 highlights are about 3 MB of CSV, a Kindle's lifetime of clippings a few: room to spare. */
export const MAX_HIGHLIGHT_FILE_BYTES = 32 * 1024 * 1024;
