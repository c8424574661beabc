import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractArticle, readingMinutes } from '../../../lib/capture/article';
import { parseHtml, repoRoot } from './html';

// Real pages with the metadata Readability's own suite expects (tests/fixtures/articles/NOTICE.md).
const fixturesDir = path.resolve(repoRoot, 'tests/fixtures/articles');

interface Expected {
  title: string;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime?: string | null;
  readerable?: boolean;
}

const fixtures = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = path.join(fixturesDir, entry.name);
    return {
      name: entry.name,
      html: readFileSync(path.join(dir, 'source.html'), 'utf8'),
      expected: JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as Expected,
      // A realistic address per page, so host-based fallbacks and relative links have a base.
      url: `https://${entry.name}.example.org/2024/05/article.html?utm_source=feed`,
    };
  });

const norm = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() || undefined;

const agreement = {
  byline: [] as string[],
  excerpt: [] as string[],
  bylineMisses: [] as string[],
  excerptMisses: [] as string[],
};

describe('extractArticle on the shared article fixtures', () => {
  it('has fixtures to test', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures)(
    '$name: reads the article’s title, and agrees on byline and excerpt where it can',
    ({ name, html, url, expected }) => {
      const doc = parseHtml(html, url);
      const before = doc.documentElement.outerHTML;
      const page = extractArticle(doc, url);

      expect(page, 'recognised as an article').not.toBeNull();
      expect(page!.kind).toBe('article');
      expect(norm(page!.title)).toBe(norm(expected.title));
      expect(page!.canonicalUrl).toBe(`https://${name}.example.org/2024/05/article.html`);
      expect(page!.readingMinutes).toBeGreaterThanOrEqual(1);
      expect(page!.site).toBe(norm(expected.siteName) ?? `${name}.example.org`);
      if (expected.publishedTime) expect(page!.publishedAt).toBe(new Date(expected.publishedTime).toISOString());
      for (const field of ['thumbnailUrl', 'iconUrl'] as const) {
        if (page![field] !== undefined) expect(page![field]).toMatch(/^https?:\/\//);
      }
      // Readability works on a copy: the user's page must not change under them.
      expect(doc.documentElement.outerHTML).toBe(before);

      (norm(page!.author) === norm(expected.byline) ? agreement.byline : agreement.bylineMisses).push(name);
      (norm(page!.description) === norm(expected.excerpt) ? agreement.excerpt : agreement.excerptMisses).push(name);
    },
  );

  afterAll(() => {
    const n = fixtures.length;
    console.log(
      `article fixtures: title ${n}/${n}, byline ${agreement.byline.length}/${n}` +
        (agreement.bylineMisses.length ? ` (differ: ${agreement.bylineMisses.join(', ')})` : '') +
        `, excerpt ${agreement.excerpt.length}/${n}` +
        (agreement.excerptMisses.length ? ` (differ: ${agreement.excerptMisses.join(', ')})` : ''),
    );
  });
});

describe('extractArticle on hand-made pages', () => {
  const paragraph = (i: number) =>
    `<p>Paragraph ${i}: teams that review their own work every week learn faster than teams that wait for a yearly appraisal, because the feedback arrives while the work is still fresh, while people still remember why they chose what they chose, and while a change can still make a difference to the outcome.</p>`;
  const articleHtml = (head: string, body = Array.from({ length: 12 }, (_, i) => paragraph(i)).join('')) =>
    `<!doctype html><html><head>${head}</head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Why weekly reviews work</h1>${body}</article></body></html>`;

  it('resolves relative image and icon links against the page address', () => {
    const url = 'https://www.blog.example/posts/weekly-reviews';
    const doc = parseHtml(
      articleHtml(
        '<title>Why weekly reviews work</title><meta property="og:image" content="/img/cover.jpg"><link rel="shortcut icon" href="../favicon.png">',
      ),
      url,
    );
    expect(extractArticle(doc, url)).toMatchObject({
      thumbnailUrl: 'https://www.blog.example/img/cover.jpg',
      iconUrl: 'https://www.blog.example/favicon.png',
      site: 'blog.example',
    });
  });

  it('finds the published date in meta or JSON-LD and writes it as ISO 8601', () => {
    const url = 'https://news.example/a';
    const withMeta = parseHtml(
      articleHtml('<title>T</title><meta property="article:published_time" content="2024-03-05T10:00:00+01:00">'),
      url,
    );
    expect(extractArticle(withMeta, url)?.publishedAt).toBe('2024-03-05T09:00:00.000Z');
    const withLd = parseHtml(
      articleHtml(
        '<title>T</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2024-03-05"}]}</script>',
      ),
      url,
    );
    expect(extractArticle(withLd, url)?.publishedAt).toBe('2024-03-05T00:00:00.000Z');
    const unparsable = parseHtml(
      articleHtml('<title>T</title><meta property="article:published_time" content="last Tuesday">'),
      url,
    );
    expect(extractArticle(unparsable, url)).not.toHaveProperty('publishedAt');
  });

  it('estimates reading time from the article body at 230 words a minute', () => {
    const url = 'https://news.example/long';
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    const body = Array.from({ length: 20 }, () => `<p>${words(115)}.</p>`).join(''); // 2 300 words
    const page = extractArticle(parseHtml(articleHtml('<title>Long read</title>', body), url), url);
    expect(page?.readingMinutes).toBe(10);
  });

  it('returns null for a page that is not an article', () => {
    const url = 'https://shop.example/';
    const doc = parseHtml(
      '<html><head><title>Shop</title></head><body><nav><a href="/a">A</a><a href="/b">B</a></nav><button>Buy</button></body></html>',
      url,
    );
    expect(extractArticle(doc, url)).toBeNull();
  });
});

describe('readingMinutes', () => {
  it.each([
    ['', 1],
    ['one two three', 1],
    [Array.from({ length: 460 }, () => 'w').join(' '), 2],
    [Array.from({ length: 2300 }, () => 'w').join('\n'), 10],
  ])('text %# → %i min', (text, minutes) => {
    expect(readingMinutes(text)).toBe(minutes);
  });
});
