import { formatNumber, t } from '../i18n';
import { ImportError } from './errors';
import type { LinkEntry, ParsedLinks } from './links';
import { epochMs } from './links';

/** Folders every browser has: a bookmark in them says nothing worth a tag. */
const ROOT_FOLDERS = new Set([
  'bookmarks',
  'bookmarks bar',
  'bookmarks toolbar',
  'bookmarks menu',
  'other bookmarks',
  'mobile bookmarks',
  'favorites bar',
  'favourites bar',
  'favorites',
  'bokmärkesfältet',
  'andra bokmärken',
  'bokmärken i mobilen',
  'bokmärkesmeny',
]);

function folderName(list: Element): string | null {
  let heading = list.previousElementSibling;
  while (heading?.tagName === 'P') heading = heading.previousElementSibling;
  if (heading?.tagName !== 'H3') return null;
  if (heading.hasAttribute('personal_toolbar_folder') || heading.hasAttribute('unfiled_bookmarks_folder')) return null;
  const name = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
  return name && !ROOT_FOLDERS.has(name.toLowerCase()) ? name : null;
}

/** Pocket's old HTML export puts links under <h1>Unread</h1> and <h1>Read Archive</h1>. */
function inArchiveSection(anchor: Element): boolean {
  const list = anchor.closest('ul, ol');
  let heading = list?.previousElementSibling;
  while (heading && !/^H[1-3]$/.test(heading.tagName)) heading = heading.previousElementSibling;
  return !!heading && /archive/i.test(heading.textContent ?? '');
}

/**
 * The deepest nesting of folders and lists a bookmark file may have. Browsers and read-later tools
 * write a level per folder (a `<DL>`), and people nest a few; Chromium's HTML parser takes time that
 * grows with the square of the depth (a 20,000-deep file of 0.6 MB held the page for 77 s).
 */
export const MAX_HTML_DEPTH = 100;

/** Elements with no end tag. */
const VOID_ELEMENTS = new Set(
  'area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr'.split(' '),
);
/** Elements a second one of closes, or the parser closes for them: they never pile up. */
const NO_NESTING = new Set(
  'html head body p dt dd li a option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp h1 h2 h3 h4 h5 h6 button form nobr'.split(
    ' ',
  ),
);
/** Elements whose content is text, not tags. */
const RAW_TEXT = new Set('script style title textarea xmp iframe noembed noframes noscript'.split(' '));
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)|<!--/g;

/**
 * Every tag of `html` in order, as the HTML parser would meet it (comments and the text of
 * `<script>`, `<title>`… skipped), until `visit` returns true. A regular expression walk: cheap
 * enough to run over a whole file before the parser sees any of it.
 */
function scanTags(html: string, visit: (name: string, closing: boolean, at: number) => boolean | undefined): void {
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', TAG.lastIndex);
      if (end < 0) return;
      TAG.lastIndex = end + 3;
      continue;
    }
    const name = (match[2] ?? '').toLowerCase();
    if (name === 'plaintext') return;
    if (visit(name, match[1] === '/', match.index)) return;
    if (!match[1] && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TAG.lastIndex;
      if (!close.exec(html)) return;
      TAG.lastIndex = close.lastIndex - name.length - 2;
    }
  }
}

/**
 * How deep a file's elements nest, counted before the HTML parser sees it and stopping at `stopAt`:
 * a stack of open elements as the parser would keep it, leaving out those that cannot nest (a
 * `<DT>`, a `<P>`, an unclosed `<LI>`), so a flat list of 50,000 bookmarks is 2 deep.
 */
export function htmlNestingDepth(html: string, stopAt = MAX_HTML_DEPTH + 1): number {
  const open: string[] = [];
  let deepest = 0;
  scanTags(html, (name, closing) => {
    // What was never pushed is never looked for: an `</A>` does not search a stack 100 deep.
    if (VOID_ELEMENTS.has(name) || NO_NESTING.has(name) || RAW_TEXT.has(name)) return false;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      return false;
    }
    open.push(name);
    deepest = Math.max(deepest, open.length);
    return deepest >= stopAt;
  });
  return deepest;
}

/**
 * The longest piece of a bookmark file given to the HTML parser at once: Chromium parses about
 * 20–50 ms a megabyte (more the deeper the folders), in one task the page cannot interrupt.
 */
export const HTML_PART_CHARS = 512 * 1024;

/**
 * A Netscape bookmark file in pieces of about `HTML_PART_CHARS`, each cut before a `<DT>` and
 * opened with the folders it lies in (their `<H3>` and `<DL>` as the file wrote them), so each
 * piece parsed alone gives its links the same folders. A file with no `<DT>` is one piece.
 */
export function bookmarkParts(html: string, partChars = HTML_PART_CHARS): string[] {
  if (html.length <= partChars) return [html];
  const parts: string[] = [];
  /** The open `<DL>`s, each with the heading that names its folder. */
  const folders: string[] = [];
  let heading = '';
  let headingEnd = -1;
  let headingAt = -1;
  let partStart = 0;
  let prefix = '';
  scanTags(html, (name, closing, at) => {
    if (name === 'h3') {
      if (!closing) headingAt = at;
      else if (headingAt >= 0) {
        headingEnd = html.indexOf('>', at) + 1;
        heading = html.slice(headingAt, headingEnd);
      }
    } else if (name === 'dl') {
      if (closing) folders.pop();
      else {
        const named = headingEnd >= 0 && /^(?:\s|<p>)*$/i.test(html.slice(headingEnd, at));
        folders.push(named ? heading : '');
        headingEnd = -1;
      }
    } else if (name === 'dt' && !closing && at - partStart >= partChars) {
      parts.push(prefix + html.slice(partStart, at));
      prefix = folders.map((h) => (h ? `<DT>${h}\n<DL><p>\n` : '<DL><p>\n')).join('');
      partStart = at;
    }
    return false;
  });
  parts.push(prefix + html.slice(partStart));
  return parts;
}

/**
 * The folders a list lies in, outermost first, each list's worked out once: links of a folder 100
 * deep would otherwise each walk the same 100 lists.
 */
function folderPath(list: Element | null, known: Map<Element, readonly string[]>): readonly string[] {
  if (!list) return [];
  const cached = known.get(list);
  if (cached) return cached;
  const name = folderName(list);
  const outer = folderPath(list.parentElement?.closest('dl') ?? null, known);
  const path = name ? [...outer, name] : outer;
  known.set(list, path);
  return path;
}

/** One link of a parsed piece as the import reads it. */
function entryOf(anchor: Element, position: number, now: number, known: Map<Element, readonly string[]>): LinkEntry {
  const folders = folderPath(anchor.closest('dl'), known);
  const tagAttribute = anchor.getAttribute('tags') ?? '';
  const entry: LinkEntry = {
    position,
    url: anchor.getAttribute('href') ?? '',
    tags: [
      ...folders,
      ...tagAttribute
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ],
  };
  const title = (anchor.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (title) entry.title = title;
  const addedAt = epochMs(anchor.getAttribute('add_date') ?? anchor.getAttribute('time_added'), now);
  if (addedAt !== undefined) entry.addedAt = addedAt;
  const next = anchor.closest('dt')?.nextElementSibling ?? anchor.parentElement?.nextElementSibling;
  if (next?.tagName === 'DD') {
    const description = (next.textContent ?? '').trim();
    if (description) entry.description = description;
  }
  if (anchor.hasAttribute('time_added') && inArchiveSection(anchor)) entry.status = 'learned';
  return entry;
}

/** Links read between two yields to the page. */
const ANCHOR_CHUNK = 2_000;

/**
 * Netscape bookmark files (every browser's "export bookmarks", Raindrop, Linkwarden, Pocket's
 * HTML export…). Parsed with DOMParser into inert documents (no script runs, nothing loads,
 * nothing reaches the page), a piece at a time (`bookmarkParts`), yielding between pieces and
 * between chunks of links; folders become tags, as do a link's TAGS. A file nested deeper than
 * `MAX_HTML_DEPTH` is refused before the parser sees it.
 */
export function* bookmarkSteps(
  html: string,
  now = Date.now(),
  parser: DOMParser = new DOMParser(),
): Generator<void, ParsedLinks> {
  if (htmlNestingDepth(html) > MAX_HTML_DEPTH)
    throw new ImportError('too-deep', t('backupErrorTooDeep', formatNumber(MAX_HTML_DEPTH)));
  // Each walk over the whole file is a task of its own.
  yield;
  const entries: LinkEntry[] = [];
  for (const part of bookmarkParts(html)) {
    yield;
    const anchors = parser.parseFromString(part, 'text/html').querySelectorAll('a');
    const known = new Map<Element, readonly string[]>();
    for (let i = 0; i < anchors.length; i++) {
      if (i > 0 && i % ANCHOR_CHUNK === 0) yield;
      entries.push(entryOf(anchors[i]!, entries.length + 1, now, known));
    }
  }
  return { source: 'bookmarks', entries };
}

/** The same at once (tests, and a caller with no page to keep responsive). */
export function parseBookmarksHtml(html: string, now = Date.now(), parser: DOMParser = new DOMParser()): ParsedLinks {
  const steps = bookmarkSteps(html, now, parser);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A bookmark file, or at least HTML with links? */
export function looksLikeHtml(text: string): boolean {
  const head = text
    .replace(/^\uFEFF/, '')
    .slice(0, 4096)
    .trimStart()
    .toLowerCase();
  return (
    head.startsWith('<!doctype netscape-bookmark-file') ||
    /^<(!doctype html|html|head|meta|title|dl|h1|body)[\s>]/.test(head) ||
    /<a\s[^>]*href/i.test(head)
  );
}
