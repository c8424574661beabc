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
 * Netscape bookmark files (every browser's "export bookmarks", Raindrop, Linkwarden, Pocket's
 * HTML export…). Parsed with DOMParser into an inert document (no script runs, nothing loads,
 * nothing reaches the page); folders become tags, as do a link's TAGS.
 */
export function parseBookmarksHtml(html: string, now = Date.now(), parser: DOMParser = new DOMParser()): ParsedLinks {
  const doc = parser.parseFromString(html, 'text/html');
  const anchors = Array.from(doc.querySelectorAll('a'));
  const entries: LinkEntry[] = anchors.map((anchor, i) => {
    const folders: string[] = [];
    for (let node = anchor.parentElement; node; node = node.parentElement) {
      if (node.tagName !== 'DL') continue;
      const name = folderName(node);
      if (name) folders.unshift(name);
    }
    const tagAttribute = anchor.getAttribute('tags') ?? '';
    const entry: LinkEntry = {
      position: i + 1,
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
  });
  return { source: 'bookmarks', entries };
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
