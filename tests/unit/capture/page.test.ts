import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../lib/capture/page';
import { parseHtml } from './html';

const url = 'https://www.tools.example/guides/retro?utm_campaign=x#how';

describe('extractPage', () => {
  it.each([
    [
      'og:title first',
      '<meta property="og:title" content="OG"><meta name="twitter:title" content="TW"><title>Doc</title>',
      '<h1>H1</h1>',
      'OG',
    ],
    ['then twitter:title', '<meta name="twitter:title" content="TW"><title>Doc</title>', '<h1>H1</h1>', 'TW'],
    ['then the document title', '<title>  Doc\n  title </title>', '<h1>H1</h1>', 'Doc title'],
    ['then the first heading', '', '<h1>  </h1><h1>Heading</h1>', 'Heading'],
    ['then the host', '', '<p>no title</p>', 'tools.example'],
  ])('title: %s', (_label, head, body, expected) => {
    const doc = parseHtml(`<html><head>${head}</head><body>${body}</body></html>`, url);
    expect(extractPage(doc, url).title).toBe(expected);
  });

  it('reads site, description, icon and image, with links made absolute', () => {
    const doc = parseHtml(
      `<html><head><title>Retro guide</title>
        <meta property="og:site_name" content="Team Tools">
        <meta name="description" content="Plain description">
        <meta property="og:description" content="How to run a retrospective">
        <meta property="og:image" content="/img/retro.png">
        <link rel="apple-touch-icon" href="/apple.png">
        <link rel="icon" type="image/svg+xml" href="icons/fav.svg">
      </head><body></body></html>`,
      url,
    );
    expect(extractPage(doc, url)).toEqual({
      url,
      canonicalUrl: 'https://www.tools.example/guides/retro',
      kind: 'page',
      title: 'Retro guide',
      site: 'Team Tools',
      description: 'How to run a retrospective',
      iconUrl: 'https://www.tools.example/guides/icons/fav.svg',
      thumbnailUrl: 'https://www.tools.example/img/retro.png',
    });
  });

  it('falls back to the host, the meta description, /favicon.ico and twitter:image', () => {
    const doc = parseHtml(
      `<html><head><title>T</title><meta name="description" content="Plain"><meta name="twitter:image" content="https://cdn.example/i.jpg"></head></html>`,
      url,
    );
    expect(extractPage(doc, url)).toMatchObject({
      site: 'tools.example',
      description: 'Plain',
      iconUrl: 'https://www.tools.example/favicon.ico',
      thumbnailUrl: 'https://cdn.example/i.jpg',
    });
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:image/png;base64,AAAA'],
  ])('keeps no %s icon or image', (_label, bad) => {
    const doc = parseHtml(
      `<html><head><title>T</title><meta property="og:image" content="${bad}"><link rel="icon" href="${bad}"></head></html>`,
      url,
    );
    const page = extractPage(doc, url);
    expect(page).not.toHaveProperty('thumbnailUrl');
    expect(page.iconUrl).toBe('https://www.tools.example/favicon.ico');
  });
});
