import { LIMITS } from '../infra/limits';
import { type FragmentParts, fragmentDirective } from './fragment';

/**
 * A page's text as a text directive is matched against it (the Text Fragments spec, "find a range
 * from a text directive"): visible text only, whitespace folded, and `\n` wherever the nearest
 * block ancestor changes, since no term may run across a block boundary. `key` is the same text
 * folded as browsers compare it (case and accents ignored), one character for one, so a position
 * means the same in both.
 */
export interface DirectiveText {
  shown: string;
  key: string;
  /** Word boundaries as the browser sees them (UAX #29); the page's language picks the rules. */
  lang?: string;
}

/** A stretch of `DirectiveText`, `[start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

/** How well a directive finds its passage: alone, first of several, or not at all. */
export type DirectiveFit = 'unique' | 'first' | 'missed';

/** Case and accents fold away one character at a time, so `key` keeps `shown`'s positions. */
export function foldChar(ch: string): string {
  if (ch === '\n') return ch;
  if (/\s/.test(ch)) return ' ';
  const folded = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.length === 1 ? folded : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
}

export function foldText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ').trim()) out += ch.length === 1 ? foldChar(ch) : ch;
  return out;
}

/** A page text from plain strings: blocks joined by `\n` (tests and the benchmark's checks). */
export function directiveTextOf(blocks: readonly string[], lang?: string): DirectiveText {
  const shown = blocks
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  let key = '';
  for (const ch of shown) key += ch.length === 1 ? foldChar(ch) : ch;
  return { shown, key, ...(lang ? { lang } : {}) };
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

class Boundaries {
  private segmenter: Intl.Segmenter | undefined;
  private cache = new Map<number, Intl.Segments>();

  constructor(private readonly page: DirectiveText) {
    try {
      this.segmenter = new Intl.Segmenter(page.lang || undefined, { granularity: 'word' });
    } catch {
      // An unknown language tag: the plain rule below stands in.
    }
  }

  /** Whether `at` is a word boundary of the text it sits in (a block's edges always are). */
  at(at: number): boolean {
    const text = this.page.key;
    if (at <= 0 || at >= text.length || text[at - 1] === '\n' || text[at] === '\n') return true;
    if (!this.segmenter) return !(WORD.test(text[at - 1]!) && WORD.test(text[at]!));
    const blockStart = text.lastIndexOf('\n', at - 1) + 1;
    let segments = this.cache.get(blockStart);
    if (!segments) {
      const end = text.indexOf('\n', at);
      segments = this.segmenter.segment(text.slice(blockStart, end < 0 ? text.length : end));
      this.cache.set(blockStart, segments);
    }
    return segments.containing(at - blockStart)?.index === at - blockStart;
  }
}

interface Matcher {
  page: DirectiveText;
  bounds: Boundaries;
}

/** The first place of `term` in `[from, to)` with the word edges the spec asks for. */
function find(m: Matcher, term: string, from: number, to: number, startBounded: boolean, endBounded: boolean) {
  const key = m.page.key;
  for (let at = key.indexOf(term, from); at >= 0 && at + term.length <= to; at = key.indexOf(term, at + 1)) {
    if (startBounded && !m.bounds.at(at)) continue;
    if (endBounded && !m.bounds.at(at + term.length)) continue;
    return { start: at, end: at + term.length };
  }
  return undefined;
}

/** Whether `term` sits exactly at `at` ending on a word boundary (the prefix's and suffix's rule). */
function sitsAt(m: Matcher, term: string, at: number, endBounded: boolean): boolean {
  if (!m.page.key.startsWith(term, at)) return false;
  return !endBounded || m.bounds.at(at + term.length);
}

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && (text[at] === ' ' || text[at] === '\n')) at++;
  return at;
}

/**
 * Where browsers would find `parts` in `page`: the spec's algorithm over the text, up to `limit`
 * matches in page order (the first is the one a browser scrolls to and marks).
 */
export function findDirective(page: DirectiveText, parts: FragmentParts, limit = 2, matcher?: Matcher): TextSpan[] {
  const m = matcher ?? { page, bounds: new Boundaries(page) };
  const start = foldText(parts.textStart);
  const end = parts.textEnd ? foldText(parts.textEnd) : '';
  const prefix = parts.prefix ? foldText(parts.prefix) : '';
  const suffix = parts.suffix ? foldText(parts.suffix) : '';
  const found: TextSpan[] = [];
  if (!start) return found;
  const length = page.key.length;
  let searchFrom = 0;
  while (searchFrom < length && found.length < limit) {
    let match: TextSpan | undefined;
    if (prefix) {
      const before = find(m, prefix, searchFrom, length, true, false);
      if (!before) break;
      searchFrom = before.start + 1;
      const at = skipSpace(page.key, before.end);
      if (at >= length) break;
      if (!sitsAt(m, start, at, !end)) continue;
      match = { start: at, end: at + start.length };
    } else {
      match = find(m, start, searchFrom, length, true, !end);
      if (!match) break;
      searchFrom = match.start + 1;
    }
    if (end) {
      const last = find(m, end, match.end, length, true, true);
      if (!last) break;
      match = { start: match.start, end: last.end };
    }
    if (suffix && !sitsAt(m, suffix, skipSpace(page.key, match.end), true)) continue;
    found.push(match);
  }
  return found;
}

/** How `parts` finds `target` in `page`. */
export function directiveFit(
  page: DirectiveText,
  parts: FragmentParts,
  target: TextSpan,
  matcher?: Matcher,
): DirectiveFit {
  const found = findDirective(page, parts, 2, matcher);
  const first = found[0];
  if (!first || first.start !== target.start || first.end !== target.end) return 'missed';
  return found.length === 1 ? 'unique' : 'first';
}

/** A quote of at most this many words (in one block) is its own start; a longer one its edges. */
const WHOLE_WORDS = 10;
/** Words of the quote's edges, then of context on either side, tried in turn, fewest first. */
const EDGE_STEPS = [3, 5, 8, 12, 20];
const CONTEXT_STEPS = [0, 1, 2, 3, 5, 8, 12, 20, 32];

function words(text: string): string[] {
  return text.split(' ').filter(Boolean);
}

/** The text just before `at` that a prefix may be: back to the block boundary before it. */
function contextBefore(shown: string, at: number): string[] {
  const before = shown.slice(Math.max(0, at - 600), at).replace(/[ \n]+$/, '');
  return words(before.slice(before.lastIndexOf('\n') + 1));
}

function contextAfter(shown: string, at: number): string[] {
  const after = shown.slice(at, at + 600).replace(/^[ \n]+/, '');
  const end = after.indexOf('\n');
  return words(end < 0 ? after : after.slice(0, end));
}

/** The directive's candidates for the passage at `target`, shortest first. */
function* candidates(page: DirectiveText, target: TextSpan): Generator<FragmentParts> {
  const quote = page.shown.slice(target.start, target.end);
  const firstBlock = words(quote.split('\n')[0] ?? '');
  const lastBlock = words(quote.slice(quote.lastIndexOf('\n') + 1));
  const oneBlock = !quote.includes('\n');
  const before = contextBefore(page.shown, target.start);
  const after = contextAfter(page.shown, target.end);
  const edges: [string, string | undefined][] = [];
  if (oneBlock && firstBlock.length <= WHOLE_WORDS) edges.push([firstBlock.join(' '), undefined]);
  else
    for (const n of EDGE_STEPS) {
      if (oneBlock && n * 2 >= firstBlock.length) {
        edges.push([firstBlock.join(' '), undefined]);
        break;
      }
      edges.push([firstBlock.slice(0, n).join(' '), lastBlock.slice(-n).join(' ')]);
    }
  const tried = new Set<string>();
  for (const n of CONTEXT_STEPS) {
    const prefix = before.slice(-n).join(' ');
    const suffix = after.slice(0, n).join(' ');
    // Words before, words after, then both: the shortest context that tells the places apart.
    const sides: [string, string][] = n
      ? [
          [prefix, ''],
          ['', suffix],
          [prefix, suffix],
        ]
      : [['', '']];
    for (const [before, after] of sides) {
      // Context runs out at a block's edge: more words would only repeat a candidate.
      if (tried.has(`${before}|${after}`)) continue;
      tried.add(`${before}|${after}`);
      for (const [textStart, textEnd] of edges)
        yield {
          textStart,
          ...(textEnd ? { textEnd } : {}),
          ...(before ? { prefix: before } : {}),
          ...(after ? { suffix: after } : {}),
        };
    }
  }
}

export interface BuiltDirective {
  directive: string;
  fit: DirectiveFit;
}

/**
 * A text directive for the passage at `target`, checked against the page: the shortest candidate
 * that finds it alone; else the shortest that finds it first (a browser opens there, though the
 * words recur further down); else, when no candidate finds it at all, the one with most context,
 * marked `missed` so the caller can say the link may not reach it.
 */
export function buildDirective(page: DirectiveText, target: TextSpan): BuiltDirective | undefined {
  const matcher = { page, bounds: new Boundaries(page) };
  let first: string | undefined;
  let last: string | undefined;
  for (const parts of candidates(page, target)) {
    const directive = fragmentDirective(parts);
    if (!directive || directive.length > LIMITS.url / 2) continue;
    last = directive;
    const fit = directiveFit(page, parts, target, matcher);
    if (fit === 'unique') return { directive, fit };
    if (fit === 'first') first ??= directive;
  }
  if (first) return { directive: first, fit: 'first' };
  return last ? { directive: last, fit: 'missed' } : undefined;
}

/** The terms of a stored directive (`text=…`), decoded; undefined when it is not one. */
export function directiveParts(directive: string): FragmentParts | undefined {
  const match = /^text=(?:([^,&-]+)-,)?([^,&-]+)(?:,([^,&-]+))?(?:,-([^,&-]+))?$/.exec(directive);
  if (!match) return undefined;
  try {
    const [, prefix, textStart, textEnd, suffix] = match.map((part) =>
      part === undefined ? undefined : decodeURIComponent(part),
    );
    return {
      textStart: textStart!,
      ...(textEnd ? { textEnd } : {}),
      ...(prefix ? { prefix } : {}),
      ...(suffix ? { suffix } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * The directive to keep for the passage at `target`: the generator's when the page confirms it
 * finds the passage alone, else one built from the passage and its context (the generator times
 * out on long selections, calls unique text ambiguous and over-selects: its known bugs #72, #75,
 * #164), else the generator's when it at least opens there first, else the best built one.
 */
export function checkedDirective(
  page: DirectiveText,
  target: TextSpan,
  generated: FragmentParts | undefined,
): BuiltDirective | undefined {
  const fromGenerator = generated ? fragmentDirective(generated) : undefined;
  const generatedFit = generated && fromGenerator ? directiveFit(page, generated, target) : 'missed';
  if (fromGenerator && generatedFit === 'unique') return { directive: fromGenerator, fit: generatedFit };
  const built = buildDirective(page, target);
  if (built?.fit === 'unique') return built;
  if (fromGenerator && generatedFit === 'first') return { directive: fromGenerator, fit: generatedFit };
  return built ?? (fromGenerator ? { directive: fromGenerator, fit: 'missed' } : undefined);
}
