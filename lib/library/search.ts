/**
 * Search text: folded once when a record is loaded, so a keystroke only runs `includes` over
 * prepared strings and never normalises a record again.
 */

/** Letters that neither lower-casing nor compatibility decomposition reduce to plain Latin. */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  ŀ: 'l',
  þ: 'th',
  ŧ: 't',
  ς: 'σ',
};
const EXTRA_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');
const MARKS = /\p{M}/gu;

/** One character, folded the slow, thorough way (compatibility decomposition, marks dropped). */
function foldChar(ch: string): string {
  return ch
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(EXTRA_PATTERN, (x) => EXTRA_FOLDS[x] ?? x)
    .toLowerCase();
}

const charCache = new Map<string, string>();
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL on purpose.
const NON_ASCII = /[^\x00-\x7f]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL on purpose.
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Lower case, without diacritics or compatibility forms: "Lära" → "lara", "Övning" → "ovning",
 * "ﬁre" → "fire", "Straße" → "strasse". Search folds the query and the text the same way.
 * Decomposition never joins characters, so each non-ASCII character folds on its own, once,
 * from a cache: folding a library of long notes stays cheap.
 */
export function foldText(value: string): string {
  if (!value) return '';
  const lower = value.toLowerCase();
  if (ASCII_ONLY.test(lower)) return lower;
  return lower.replace(NON_ASCII, (ch) => {
    let folded = charCache.get(ch);
    if (folded === undefined) {
      folded = foldChar(ch);
      charCache.set(ch, folded);
    }
    return folded;
  });
}

/** A query as folded terms; a record matches when it holds every term. */
export function queryTerms(query: string): string[] {
  return foldText(query)
    .split(/\s+/)
    .filter((term) => term.length > 0);
}

export interface SearchableFields {
  title: string;
  site?: string;
  author?: string;
  /** An activity's people. */
  withWhom?: string;
  notes?: string;
  takeaways?: readonly { text: string }[];
  tags?: readonly string[];
  clips?: readonly { note: string; chapter?: string; transcript?: readonly string[] }[];
  quotes?: readonly { exact: string; note: string }[];
}

/**
 * The folded text a record is searched by: title, site or channel, author, notes, takeaways,
 * tags, clips (their notes, chapters and transcript lines) and quotes (their text and note).
 * Fields are joined by a line break, which no term can contain, so a term never matches across
 * two fields.
 */
export function searchText(fields: SearchableFields): string {
  const parts = [
    fields.title,
    fields.site ?? '',
    fields.author ?? '',
    fields.withWhom ?? '',
    fields.notes ?? '',
    ...(fields.takeaways ?? []).map((item) => item.text),
    ...(fields.tags ?? []),
  ];
  for (const clip of fields.clips ?? []) parts.push(clip.note, clip.chapter ?? '', ...(clip.transcript ?? []));
  for (const quote of fields.quotes ?? []) parts.push(quote.exact, quote.note);
  return foldText(parts.filter(Boolean).join('\n'));
}

export function matchesTerms(text: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!text.includes(term)) return false;
  return true;
}

/** True when every record matching `next` also matches `previous`: results can be narrowed. */
export function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((old) => next.some((term) => term.includes(old)));
}
