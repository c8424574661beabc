/** Field caps: page text is untrusted and can be huge; records stay small enough to list fast. */
export const LIMITS = {
  title: 500,
  site: 200,
  author: 200,
  description: 2_000,
  url: 2_048,
  notes: 100_000,
  /** The one text of export formats 1–3; now a takeaway, and the takeaways of one resource. */
  takeaways: 50_000,
  takeaway: 4_000,
  takeawayItems: 500,
  /** The answers kept on one review card. */
  reviewHistory: 200,
  /** A clip's note, and the clips of one video. */
  clipNote: 2_000,
  clips: 500,
  chapter: 200,
  /** A quote's text, its context on either side, its note, and the quotes of one page. */
  quote: 4_000,
  quoteContext: 64,
  quoteNote: 2_000,
  /** A quote's page or location, each: "170-172", "xiv", "12". */
  quoteLocation: 24,
  quotes: 500,
  transcriptLine: 500,
  transcriptLines: 20,
  /** Who an activity was with: a few names, free text. */
  withWhom: 300,
  tag: 50,
  tags: 30,
  answer: 20_000,
  promptText: 500,
  actionText: 2_000,
  outcome: 10_000,
  /** The first words of what waits, as the popup's one-line strip names it. */
  waitingWords: 80,
} as const;

/** Trim, fold whitespace runs in one-line fields, and cut at a code-point boundary. */
export function capLine(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  return cut(value.replace(/\s+/g, ' ').trim(), max);
}

/** Multi-line text keeps its line breaks. */
export function capText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  return cut(value, max);
}

function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const chars = Array.from(value.slice(0, max + 1));
  let out = '';
  for (const ch of chars) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Characters that draw nothing and join nothing (zero-width space, word joiner, BOM, soft hyphen,
 * invisible operators, direction overrides): removed from a tag wherever they stand. The zero-width
 * joiner and non-joiner stay inside a tag, since emoji sequences and Persian or Indic words need them.
 */
const INVISIBLE_IN_TAG = /[\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/gu;
/**
 * What a tag cannot start with: a hash (a hashtag's), space, or a mark with no letter before it to
 * sit on (an import's lone U+0301 draws nothing of its own), in any order.
 */
const LEADING_NOISE = /^[#\s\p{M}\u200C\u200D]+/u;
/** Blank however it is drawn: only marks, default-ignorable code points, white space or blank braille. */
const BLANK_ONLY = /^[\p{M}\p{Default_Ignorable_Code_Point}\p{White_Space}\u2800]*$/u;

/** One tag as stored, or '' when nothing visible is left. */
function normaliseTag(tag: unknown): string {
  if (typeof tag !== 'string') return '';
  // Lower-cased before NFC and cut after both: each can change the length of what follows it.
  const text = tag.replace(INVISIBLE_IN_TAG, '').toLowerCase().normalize('NFC').replace(/,/g, ' ');
  const clean = capLine(text.replace(LEADING_NOISE, ''), LIMITS.tag);
  return BLANK_ONLY.test(clean) ? '' : clean;
}

/**
 * Tags, on every path that stores them (typing, an import, a sync): NFC, lower-case, trimmed, no
 * commas, none blank or invisible, unique, capped. The one normalisation of a tag: "e\u0301" and
 * "é" are one tag, and " ", "\u200B" or a lone "\u0301" are none.
 */
export function normaliseTags(tags: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    const clean = normaliseTag(tag);
    if (clean && !out.includes(clean)) out.push(clean);
    if (out.length >= LIMITS.tags) break;
  }
  return out;
}

export function parseTagInput(input: string): string[] {
  return normaliseTags(input.split(/[,\n]/));
}

/** Only http(s) URLs are saved or rendered as links. */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > LIMITS.url) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function safeHref(value: unknown): string | undefined {
  return isWebUrl(value) ? value : undefined;
}
