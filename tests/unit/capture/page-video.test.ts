import { describe, expect, it } from 'vitest';
import { extractPageDocument } from '../../../lib/capture/extract-page';
import { openUrl } from '../../../lib/format/resource-links';
import { parseHtml } from './html';

function withVideo(html: string, url: string, player?: { currentTime: number; duration: number; loop?: boolean }) {
  const doc = parseHtml(html, url);
  const video = doc.querySelector('video');
  if (video && player) {
    Object.defineProperty(video, 'currentTime', { value: player.currentTime, configurable: true });
    Object.defineProperty(video, 'duration', { value: player.duration, configurable: true });
    video.loop = player.loop ?? false;
  }
  return doc;
}

describe('video pages other than YouTube', () => {
  it('a conference site playing its own <video>: a video, at the moment shown, with its length', () => {
    const url = 'https://talks.example.org/2025/keynote';
    const doc = withVideo(
      '<html><head><title>Keynote · Example Conf</title><meta property="og:title" content="Keynote: learning at work"></head><body><video src="/keynote.webm"></video></body></html>',
      url,
      { currentTime: 754.4, duration: 2700 },
    );
    expect(extractPageDocument(doc, url)).toMatchObject({
      kind: 'video',
      title: 'Keynote: learning at work',
      positionSec: 754,
      durationSec: 2700,
    });
  });

  it('a short background loop is not a talk', () => {
    const url = 'https://www.example.org/';
    const doc = withVideo('<html><head><title>Home</title></head><body><video loop muted></video></body></html>', url, {
      currentTime: 3,
      duration: 8,
      loop: true,
    });
    expect(extractPageDocument(doc, url).kind).not.toBe('video');
  });

  it('a player embedded from another site cannot be read: the page says so instead of clipping 0:00', () => {
    const url = 'https://blog.example.org/our-talk';
    const doc = parseHtml(
      '<html><head><title>Our talk</title></head><body><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe></body></html>',
      url,
    );
    const page = extractPageDocument(doc, url);
    expect(page.kind).not.toBe('video');
    expect(page.embeddedVideo).toBe(true);
    expect(page.positionSec).toBeUndefined();
  });

  it.each([
    ['Vimeo opens at the moment', 'https://vimeo.com/76979871', 754, 'https://vimeo.com/76979871#t=754s'],
    ['another site has no address for a moment', 'https://talks.example.org/k', 754, 'https://talks.example.org/k'],
    ['YouTube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 90, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s'],
  ])('openUrl: %s', (_label, url, atSec, expected) => {
    const videoId = url.includes('youtube') ? 'dQw4w9WgXcQ' : undefined;
    expect(openUrl({ url, kind: 'video', ...(videoId ? { videoId } : {}) }, atSec)).toBe(expected);
  });
});
