import { formatClipTime } from '../infra/video-time';
import type { Resource } from '../model/resource';
import { foldText } from './search';

/**
 * Why a search found a record, for its row: the excerpt of the note, takeaway, quote, clip or
 * tag that holds the words, with the words marked. The parts are plain text the view renders as
 * text (never HTML). A record found by its title, site or author needs no snippet.
 */

export type SnippetField = 'note' | 'takeaway' | 'quote' | 'clip' | 'tag' | 'people';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface Snippet {
  field: SnippetField;
  /** A clip's moment ("12:34"), to say which. */
  where?: string;
  parts: SnippetPart[];
}

export type SnippetSource = Pick<
  Resource,
  'title' | 'site' | 'author' | 'withWhom' | 'notes' | 'takeaways' | 'quotes' | 'clips' | 'tags'
>;

/** The text folded as search folds it, with where each folded character came from. */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let index = 0;
  for (const ch of text) {
    const part = foldText(ch);
    for (let i = 0; i < part.length; i++) from.push(index);
    folded += part;
    index += ch.length;
  }
  from.push(index);
  return { folded, from };
}

/** Where the terms are in `text`, in original positions, overlapping ranges joined. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const { folded, from } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let at = folded.indexOf(term);
    while (at >= 0) {
      ranges.push([from[at]!, from[at + term.length] ?? text.length]);
      at = folded.indexOf(term, at + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const range of ranges) {
    const last = joined.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else joined.push([...range]);
  }
  return joined;
}

/** About `width` characters around the first match, cut at spaces, with "…" where it was cut. */
export function windowed(text: string, ranges: readonly [number, number][], width: number): SnippetPart[] {
  // One space for each line break or tab: positions stay where matchRanges found them.
  const source = text.replace(/\s/g, ' ');
  const [firstFrom, firstTo] = ranges[0] ?? [0, 0];
  let start = Math.max(0, Math.min(firstFrom - Math.floor(width / 3), source.length - width));
  let end = Math.min(source.length, start + width);
  if (start > 0) {
    const space = source.indexOf(' ', start);
    if (space >= 0 && space < firstFrom) start = space + 1;
  }
  if (end < source.length) {
    const space = source.lastIndexOf(' ', end);
    if (space > firstTo) end = space;
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a > at) parts.push({ text: source.slice(at, a), mark: false });
    parts.push({ text: source.slice(a, b), mark: true });
    at = b;
  }
  if (at < end) parts.push({ text: source.slice(at, end), mark: false });
  if (end < source.length) parts.push({ text: '…', mark: false });
  return parts.filter((part) => part.text.length > 0);
}

/** The field that holds the most terms (the first of them on a tie), as a marked excerpt. */
export function findSnippet(resource: SnippetSource, terms: readonly string[], width = 110): Snippet | null {
  const wanted = terms.filter(Boolean);
  if (!wanted.length) return null;
  const heading = foldText([resource.title, resource.site ?? '', resource.author ?? ''].join('\n'));
  if (wanted.every((term) => heading.includes(term))) return null;
  const fields: { field: SnippetField; text: string; where?: string }[] = [
    { field: 'note', text: resource.notes },
    ...resource.takeaways.map((item) => ({ field: 'takeaway' as const, text: item.text })),
    ...(resource.quotes ?? []).flatMap((quote) => [
      { field: 'quote' as const, text: quote.exact },
      { field: 'quote' as const, text: quote.note },
    ]),
    ...resource.clips.flatMap((clip) =>
      [clip.note, clip.chapter ?? '', ...(clip.transcript ?? [])].map((text) => ({
        field: 'clip' as const,
        text,
        where: formatClipTime(clip),
      })),
    ),
    ...resource.tags.map((tag) => ({ field: 'tag' as const, text: `#${tag}` })),
    { field: 'people', text: resource.withWhom ?? '' },
  ];
  let best: { score: number; field: (typeof fields)[number]; ranges: [number, number][] } | undefined;
  for (const candidate of fields) {
    if (!candidate.text) continue;
    const folded = foldText(candidate.text);
    const score = wanted.filter((term) => folded.includes(term)).length;
    if (!score || (best && best.score >= score)) continue;
    best = { score, field: candidate, ranges: matchRanges(candidate.text, wanted) };
    if (score === wanted.length) break;
  }
  if (!best) return null;
  return {
    field: best.field.field,
    ...(best.field.where ? { where: best.field.where } : {}),
    parts: windowed(best.field.text, best.ranges, width),
  };
}
