import { capLine, LIMITS } from '../infra/limits';
import { EARLIEST_RECORD_TIME } from '../infra/time';
import type { QuoteLocation } from '../model/quote';
import {
  type Highlight,
  type HighlightBook,
  MAX_HIGHLIGHTS,
  normaliseForId,
  type ParsedHighlights,
  skippedHighlight,
} from './highlights';
import type { SkippedEntry } from './links';

const SEPARATOR = /^==========\s*$/m;

/** A Kindle's `My Clippings.txt`: a title line, a `- Your Highlight …` line, and `==========` between entries. */
export function looksLikeKindle(text: string, fileName = ''): boolean {
  if (/(^|[\\/])my clippings\.txt$/i.test(fileName)) return true;
  const head = text.replace(/\uFEFF/g, '').slice(0, 4096);
  return SEPARATOR.test(head) && /^[^\r\n]+\r?\n- [^\r\n]*\|[^\r\n]*\r?\n/.test(head.trimStart());
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * "Monday, 1 May 2023 14:03:00", "Monday, May 1, 2023 2:03:00 PM" or older firmware's
 * "Monday, April 04, 2011, 10:12 PM", in the device's own (local) time. Undefined otherwise.
 */
export function kindleTime(value: string, now: number): number | undefined {
  const s = value.trim().replace(/^[A-Za-z]+,\s*/, '');
  const time = String.raw`,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?`;
  const dayFirst = new RegExp(String.raw`^(\d{1,2})\.?\s+([A-Za-z]+)\s+(\d{4})${time}`, 'i').exec(s);
  const monthFirst = new RegExp(String.raw`^([A-Za-z]+)\s+(\d{1,2}),?\s*(\d{4})${time}`, 'i').exec(s);
  const parts = dayFirst
    ? { day: dayFirst[1], month: dayFirst[2], rest: dayFirst.slice(3) }
    : monthFirst
      ? { day: monthFirst[2], month: monthFirst[1], rest: monthFirst.slice(3) }
      : undefined;
  if (!parts) return undefined;
  const month = MONTHS.indexOf(parts.month!.slice(0, 3).toLowerCase());
  const [year, hour, minute, second, half] = parts.rest;
  if (month < 0) return undefined;
  let h = Number(hour);
  if (half) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (/^p/i.test(half) ? 12 : 0);
  }
  const date = new Date(Number(year), month, Number(parts.day), h, Number(minute), Number(second ?? 0));
  const ms = date.getTime();
  if (date.getMonth() !== month || h > 23 || Number(minute) > 59) return undefined;
  if (!Number.isFinite(ms) || ms < EARLIEST_RECORD_TIME || ms > now + 86_400_000) return undefined;
  return ms;
}

/** "Title (Author)": the author is in the last parentheses, and a title may hold parentheses of its own. */
export function splitTitleLine(line: string): { title: string; author?: string } {
  const clean = line.replace(/\uFEFF/g, '').trim();
  const match = /^(.*\S)\s*\(([^()]*)\)$/.exec(clean);
  if (!match?.[2]?.trim()) return { title: clean };
  return { title: match[1]!.trim(), author: match[2].trim() };
}

type Kind = 'highlight' | 'note' | 'bookmark';

interface Meta {
  kind: Kind;
  location?: QuoteLocation;
  /** The location's numbers (or the page's, when there is no location): what a note is matched by. */
  start?: number;
  end?: number;
  createdAt?: number;
}

/** "1503-05" is 1503 to 1505: older firmware writes only the digits that change. */
function expandRange(start: string, end: string | undefined): [number, number, string] {
  if (!end) return [Number(start), Number(start), start];
  const full = end.length < start.length ? start.slice(0, start.length - end.length) + end : end;
  return [Number(start), Number(full), `${start}-${full}`];
}

/** The second line of an entry, in English; null when the device wrote it in another language. */
export function readMeta(line: string, now: number): Meta | null {
  const kindMatch = /^-\s*(?:Your\s+)?(Highlight|Note|Bookmark|Clip)\b/i.exec(line.trim());
  if (!kindMatch) return null;
  const word = kindMatch[1]!.toLowerCase();
  const meta: Meta = { kind: word === 'note' ? 'note' : word === 'bookmark' ? 'bookmark' : 'highlight' };
  const location: QuoteLocation = {};
  const page = /\bpage\s+([0-9ivxlcdm]+(?:-[0-9ivxlcdm]+)?)/i.exec(line)?.[1];
  if (page) location.page = page;
  const loc = /\b(?:location|loc\.)\s*(\d+)(?:-(\d+))?/i.exec(line);
  if (loc) {
    const [start, end, text] = expandRange(loc[1]!, loc[2]);
    location.loc = text;
    meta.start = start;
    meta.end = end;
  } else if (page && /^\d+/.test(page)) {
    meta.start = meta.end = Number.parseInt(page, 10);
  }
  if (location.page || location.loc) meta.location = location;
  const added = /Added on\s+(.+)$/i.exec(line)?.[1];
  const createdAt = added ? kindleTime(added, now) : undefined;
  if (createdAt !== undefined) meta.createdAt = createdAt;
  return meta;
}

interface Read {
  position: number;
  meta: Meta;
  text: string;
}

type Placed = Highlight & { start?: number; end?: number };

/** Notes look this far back among the highlights before them for one they were written inside. */
const NOTE_REACH = 50;

/**
 * Where a note goes: the highlight it was written at the end of or inside, else the nearest before
 * it; -1 when none is. `sorted` is the book's highlights with a place, by start (file order within).
 */
function attachNote(sorted: readonly Placed[], note: Read): Placed | undefined {
  const at = note.meta.start;
  if (at === undefined) return undefined;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.start! <= at) low = mid + 1;
    else high = mid;
  }
  const before = low - 1;
  if (before < 0) return undefined;
  let inside: Placed | undefined;
  for (let i = before; i >= 0 && i > before - NOTE_REACH; i--) {
    const h = sorted[i]!;
    if (h.end === at) return h;
    if (!inside && h.end! >= at) inside = h;
  }
  return inside ?? sorted[before];
}

interface BookDraft {
  book: HighlightBook;
  highlights: Placed[];
  /** Index in `highlights` by normalised words, and the indexes by start: repeats found without a scan. */
  byWords: Map<string, number>;
  byStart: Map<number, number[]>;
  notes: Read[];
}

function addHighlight(draft: BookDraft, entry: Read, skipped: SkippedEntry[]): void {
  const words = normaliseForId(entry.text);
  const same = draft.byWords.get(words);
  if (same !== undefined) {
    skipped.push(
      skippedHighlight(entry.position, 'duplicate', draft.book.title, entry.text, draft.highlights[same]!.position),
    );
    return;
  }
  const start = entry.meta.start;
  // An edited highlight is written again, from the same start, with more (or fewer) words.
  for (const i of start === undefined ? [] : (draft.byStart.get(start) ?? [])) {
    const h = draft.highlights[i]!;
    const theirs = h.words ?? '';
    if (!theirs.includes(words) && !words.includes(theirs)) continue;
    if (words.length <= theirs.length) {
      skipped.push(skippedHighlight(entry.position, 'duplicate', draft.book.title, entry.text, h.position));
      return;
    }
    skipped.push(skippedHighlight(h.position, 'duplicate', draft.book.title, h.text, entry.position));
    draft.byWords.delete(theirs);
    draft.byWords.set(words, i);
    draft.highlights[i] = highlightOf(entry, words, h.note);
    return;
  }
  draft.byWords.set(words, draft.highlights.length);
  if (start !== undefined) draft.byStart.set(start, [...(draft.byStart.get(start) ?? []), draft.highlights.length]);
  draft.highlights.push(highlightOf(entry, words));
}

function highlightOf(entry: Read, words: string, note?: string): Placed {
  const out: Placed = { position: entry.position, text: entry.text, words };
  if (note) out.note = note;
  if (entry.meta.location) out.location = entry.meta.location;
  if (entry.meta.createdAt !== undefined) out.createdAt = entry.meta.createdAt;
  if (entry.meta.start !== undefined) out.start = entry.meta.start;
  if (entry.meta.end !== undefined) out.end = entry.meta.end;
  return out;
}

/**
 * A Kindle's `My Clippings.txt` (BOM or not, CRLF or LF): highlights become a book's highlights,
 * a note joins the highlight it was written on (or the book's notes when none is near), bookmarks
 * and entries in another device language are skipped with their reason, and a highlight written
 * again (or edited to a longer one from the same start) is kept once. Never throws.
 */
export function parseKindle(text: string, now = Date.now()): ParsedHighlights {
  const drafts = new Map<string, BookDraft>();
  const skipped: SkippedEntry[] = [];
  let position = 0;
  let read = 0;
  for (const block of text.replace(/\uFEFF/g, '').split(SEPARATOR)) {
    const lines = block.split(/\r?\n/);
    while (lines.length && !lines[0]!.trim()) lines.shift();
    if (!lines.length) continue;
    position++;
    const { title, author } = splitTitleLine(lines[0]!);
    const metaLine = lines[1]?.trim() ?? '';
    const meta = metaLine.startsWith('-') ? readMeta(metaLine, now) : undefined;
    // Folded and capped as the quote will hold it (a note keeps its lines).
    const body = lines.slice(2).join('\n').trim();
    const words = meta?.kind === 'note' ? body : capLine(body, LIMITS.quote);
    if (meta === undefined || !title) {
      skipped.push(skippedHighlight(position, 'unreadable-entry', title, words));
      continue;
    }
    if (meta === null) {
      skipped.push(skippedHighlight(position, 'language', title, words));
      continue;
    }
    if (meta.kind === 'bookmark') {
      skipped.push(skippedHighlight(position, 'bookmark', title));
      continue;
    }
    if (!words) {
      skipped.push(skippedHighlight(position, 'empty-highlight', title));
      continue;
    }
    if (read >= MAX_HIGHLIGHTS) {
      skipped.push(skippedHighlight(position, 'too-many-highlights', title, words));
      continue;
    }
    read++;
    const key = `${normaliseForId(title)}\u0000${normaliseForId(author ?? '')}`;
    let draft = drafts.get(key);
    if (!draft) {
      const book: HighlightBook = { title, tags: [], highlights: [], notes: [] };
      draft = { book, highlights: [], byWords: new Map(), byStart: new Map(), notes: [] };
      if (author) draft.book.author = author;
      drafts.set(key, draft);
    }
    if (meta.kind === 'note') draft.notes.push({ position, meta, text: words });
    else addHighlight(draft, { position, meta, text: words }, skipped);
  }
  const books: HighlightBook[] = [];
  for (const draft of drafts.values()) {
    const sorted = draft.highlights.filter((h) => h.start !== undefined).sort((a, b) => a.start! - b.start!);
    for (const note of draft.notes) {
      const target = attachNote(sorted, note);
      if (!target) draft.book.notes.push(note.text);
      else if (!target.note?.includes(note.text))
        target.note = target.note ? `${target.note}\n${note.text}` : note.text;
    }
    draft.book.highlights = draft.highlights.map(({ start: _s, end: _e, ...highlight }) => highlight);
    if (draft.book.highlights.length || draft.book.notes.length) books.push(draft.book);
  }
  return { source: 'kindle', books, skipped };
}
