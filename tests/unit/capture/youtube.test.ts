import { describe, expect, it } from 'vitest';
import { extractYouTube } from '../../../lib/capture/youtube';
import { parseHtml, readFixture, setPlayer } from './html';

const A = { id: 'aAbBcCdD012', title: 'How Toyota learns from every mistake', channel: 'Lean Talks' };
const B = { id: 'Zz_-9876543', title: 'Running retrospectives that change things', channel: 'Team Practices' };

const fresh = (url = `https://www.youtube.com/watch?v=${A.id}`) =>
  parseHtml(readFixture('youtube/watch-fresh-load.html'), url);
const afterSpa = (url = `https://www.youtube.com/watch?v=${B.id}`) =>
  parseHtml(readFixture('youtube/watch-after-spa-navigation.html'), url);

/** Every string in the record, to check that nothing of video A leaks into B's. */
const allText = (value: object) => JSON.stringify(value);

describe('extractYouTube on a fresh page load', () => {
  it('reads the video the page shows, with where the user is in it', () => {
    const doc = fresh(`https://www.youtube.com/watch?v=${A.id}&list=PL123&index=2`);
    setPlayer(doc, { currentTime: 125.7, duration: 754.2 });
    const page = extractYouTube(doc, doc.URL);
    expect(page).toMatchObject({
      kind: 'video',
      videoId: A.id,
      canonicalUrl: `https://www.youtube.com/watch?v=${A.id}`,
      title: A.title,
      author: A.channel,
      site: 'YouTube',
      thumbnailUrl: `https://i.ytimg.com/vi/${A.id}/hqdefault.jpg`,
      positionSec: 125,
      durationSec: 754.2,
      publishedAt: '2023-05-01T14:00:12.000Z',
    });
    expect(page?.description).toMatch(/^Andon cords, five whys/);
    expect(page?.url).toBe(doc.URL);
  });

  it('takes the length from the page when the player has not loaded it yet', () => {
    const doc = fresh();
    setPlayer(doc, { currentTime: 0, duration: Number.NaN });
    expect(extractYouTube(doc, doc.URL)?.durationSec).toBe(12 * 60 + 34);
  });

  it('falls back to the link’s t= while the player still stands at 0', () => {
    const doc = fresh(`https://www.youtube.com/watch?v=${A.id}&t=1h2m3s`);
    setPlayer(doc, { currentTime: 0 });
    expect(extractYouTube(doc, doc.URL)?.positionSec).toBe(3723);
  });

  it('prefers where the player is over where the link started', () => {
    const doc = fresh(`https://youtu.be/${A.id}?t=90`);
    setPlayer(doc, { currentTime: 301 });
    expect(extractYouTube(doc, doc.URL)?.positionSec).toBe(301);
  });

  it('ignores the player clock while an ad plays', () => {
    const doc = fresh(`https://www.youtube.com/watch?v=${A.id}&t=40`);
    doc.querySelector('#movie_player')?.classList.add('ad-showing');
    setPlayer(doc, { currentTime: 7, duration: 15 });
    const page = extractYouTube(doc, doc.URL);
    expect(page?.positionSec).toBe(40);
    expect(page?.durationSec).toBe(754);
  });

  it('leaves positionSec out when nothing says where the user is', () => {
    const doc = fresh();
    setPlayer(doc, { currentTime: 0 });
    expect(extractYouTube(doc, doc.URL)).not.toHaveProperty('positionSec');
  });

  it('reads the player response when the watch page has not rendered', () => {
    const doc = fresh();
    doc.querySelector('ytd-app')?.remove();
    doc.querySelector('#watch7-content')?.remove();
    const page = extractYouTube(doc, doc.URL);
    expect(page).toMatchObject({
      title: A.title,
      author: A.channel,
      durationSec: 754,
      publishedAt: '2023-05-01T14:00:12.000Z',
    });
    expect(page?.description).toContain('Chapters: {intro} 0:00, "the cord" 2:10');
  });
});

describe('extractYouTube after in-app navigation from video A to video B', () => {
  it('describes B, and nothing of A', () => {
    const doc = afterSpa();
    setPlayer(doc, { currentTime: 42.9, duration: 1801 });
    const page = extractYouTube(doc, doc.URL);
    expect(page).toMatchObject({
      kind: 'video',
      videoId: B.id,
      canonicalUrl: `https://www.youtube.com/watch?v=${B.id}`,
      title: B.title,
      author: B.channel,
      thumbnailUrl: `https://i.ytimg.com/vi/${B.id}/hqdefault.jpg`,
      positionSec: 42,
      durationSec: 1801,
    });
    const text = allText(page ?? {});
    for (const stale of [A.id, A.title, A.channel, 'Andon', '2023-05-01']) expect(text).not.toContain(stale);
  });

  it('does not borrow A’s length or date when the player has not reported B’s yet', () => {
    const doc = afterSpa();
    setPlayer(doc, { currentTime: 0, duration: Number.NaN });
    const page = extractYouTube(doc, doc.URL);
    expect(page).not.toHaveProperty('durationSec');
    expect(page).not.toHaveProperty('publishedAt');
    expect(page).not.toHaveProperty('description');
    expect(page?.title).toBe(B.title);
  });

  it('ignores a watch page that still shows A, using the tab title instead', () => {
    const doc = afterSpa();
    // The moment between the URL changing and Polymer re-rendering: the page says it shows A.
    doc.querySelector('ytd-watch-flexy')?.setAttribute('video-id', A.id);
    doc.querySelector('ytd-watch-metadata h1')!.textContent = A.title;
    doc.querySelector('ytd-channel-name a')!.textContent = A.channel;
    setPlayer(doc, { currentTime: 600, duration: 754 });
    const page = extractYouTube(doc, `https://www.youtube.com/watch?v=${B.id}&t=15`);
    expect(page).toMatchObject({ videoId: B.id, title: B.title, positionSec: 15 });
    expect(page).not.toHaveProperty('author');
    expect(page).not.toHaveProperty('durationSec');
    expect(allText(page ?? {})).not.toContain(A.title);
  });

  it.each([
    ['youtu.be short link', `https://youtu.be/${B.id}`],
    ['Shorts', `https://www.youtube.com/shorts/${B.id}`],
    ['mobile site', `https://m.youtube.com/watch?v=${B.id}&feature=share`],
  ])('keys the record to B for a %s', (_label, url) => {
    const page = extractYouTube(afterSpa(url), url);
    expect(page?.videoId).toBe(B.id);
    expect(page?.canonicalUrl).toBe(`https://www.youtube.com/watch?v=${B.id}`);
  });
});

describe('extractYouTube on other pages', () => {
  it.each([
    'https://www.youtube.com/',
    'https://www.youtube.com/@LeanTalks/videos',
    'https://www.youtube.com/playlist?list=PL123',
    'https://example.com/watch?v=aAbBcCdD012',
  ])('returns null for %s', (url) => {
    expect(extractYouTube(parseHtml('<title>YouTube</title>', url), url)).toBeNull();
  });

  it('uses the tab title, without the notification count and suffix, when nothing else is there', () => {
    const url = `https://www.youtube.com/watch?v=${B.id}`;
    const page = extractYouTube(
      parseHtml('<title>(12) Running retrospectives that change things - YouTube</title>', url),
      url,
    );
    expect(page?.title).toBe(B.title);
    expect(page?.iconUrl).toBe('https://www.youtube.com/favicon.ico');
  });
});
