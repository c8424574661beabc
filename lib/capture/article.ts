import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { clean, compact, hostLabel, iconUrl, isoDate, metaContent, metaProperty } from './dom';
import { canonicalOrSelf, thumbnailUrl } from './page';
import type { CapturedPage } from '../model/captured-page';

/** Adult silent reading speed for non-fiction, in words per minute. */
export const WORDS_PER_MINUTE = 230;

/**
 * Readability's cost grows with the page; past this many elements (a feed, a huge forum
 * thread) the capture would stall the tab, and such pages are not single articles anyway.
 */
const MAX_ELEMENTS = 30_000;

export function readingMinutes(text: string): number {
  const words = text.match(/\S+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** JSON-LD `datePublished`, for pages whose published date Readability did not pick up. */
function jsonLdDatePublished(doc: Document): string | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const found = findKey(JSON.parse(script.textContent ?? ''), 'datePublished', 0);
      if (found) return found;
    } catch {
      // Broken JSON-LD is common; the next block or the meta tags may still answer.
    }
  }
  return undefined;
}

function findKey(value: unknown, key: string, depth: number): string | undefined {
  if (depth > 6 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findKey(item, key, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (typeof record[key] === 'string') return record[key];
  for (const child of Object.values(record)) {
    const found = findKey(child, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Article metadata through Readability, or null when the page does not look like an article
 * (or Readability finds no body text) so the plain page reader takes over.
 */
export function extractArticle(doc: Document, url: string): CapturedPage | null {
  if (!doc.documentElement || doc.getElementsByTagName('*').length > MAX_ELEMENTS) return null;
  if (!isProbablyReaderable(doc)) return null;

  // Readability rewrites the tree it reads: it gets a copy, the user's page stays as it is.
  const copy = doc.cloneNode(true) as Document;
  // Only metadata and text are kept, so the cleaned-up HTML is never serialised.
  const article = new Readability<null>(copy, { maxElemsToParse: MAX_ELEMENTS, serializer: () => null }).parse();
  if (!article) return null;

  const publishedAt =
    isoDate(article.publishedTime) ??
    isoDate(metaProperty(doc, 'article:published_time')) ??
    isoDate(metaContent(doc, 'meta[itemprop="datePublished"]')) ??
    isoDate(jsonLdDatePublished(doc));

  return compact<CapturedPage>({
    url,
    canonicalUrl: canonicalOrSelf(url),
    kind: 'article',
    title: clean(article.title) ?? metaProperty(doc, 'og:title') ?? clean(doc.title) ?? hostLabel(url) ?? url,
    author: clean(article.byline),
    site: clean(article.siteName) ?? metaProperty(doc, 'og:site_name') ?? hostLabel(url),
    description:
      clean(article.excerpt) ?? metaContent(doc, 'meta[name="description"]') ?? metaProperty(doc, 'og:description'),
    publishedAt,
    readingMinutes: readingMinutes(article.textContent ?? ''),
    thumbnailUrl: thumbnailUrl(doc, url),
    iconUrl: iconUrl(doc, url),
  });
}
