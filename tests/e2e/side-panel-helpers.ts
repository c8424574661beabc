import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { extensionUrl, ROOT, serve, type Launched } from './harness';
import { type FakeVideo, TALK_B, watchPage, withChapters } from './pages/youtube';

// A YouTube-like watch page playing the project's WebM fixture, and the side panel opened for it
// (tests/e2e/side-panel.test.ts and the screenshots in tests/e2e/extra/side-panel.extra.ts).

export const VIDEO: FakeVideo = {
  id: 'pAnElViDeO1',
  title: 'What a chapter is',
  channel: 'Panel Talks',
  durationIso: 'PT20S',
  description: 'A twenty-second talk.',
};
export const URL_A = `https://www.youtube.com/watch?v=${VIDEO.id}`;
const MEDIA = 'https://www.youtube.com/test-media/talk-20s.webm';

export type Stored = {
  canonicalUrl: string;
  title: string;
  clips: { atSec: number; note: string; chapter?: string }[];
};

/** The WebM fixture served as a media server does: with byte ranges, which seeking needs. */
async function serveMedia(context: BrowserContext): Promise<void> {
  const media = readFileSync(join(ROOT, 'tests/fixtures/video/talk-20s.webm'));
  await context.route(MEDIA, (route) => {
    const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers().range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range?.[2] ? Number(range[2]) : media.length - 1;
    return route.fulfill({
      status: range ? 206 : 200,
      headers: {
        'content-type': 'video/webm',
        'accept-ranges': 'bytes',
        ...(range ? { 'content-range': `bytes ${start}-${end}/${media.length}` } : {}),
      },
      body: media.subarray(start, end + 1),
    });
  });
}

export async function openWatchPage(launched: Launched): Promise<Page> {
  const html = watchPage(VIDEO, 0, TALK_B, 0).replace(
    '<video class="html5-main-video"></video>',
    `<video class="html5-main-video" src="${MEDIA}" muted playsinline></video>`,
  );
  await serve(
    launched.context,
    URL_A,
    withChapters(html.replace('"lengthSeconds":"2537"', '"lengthSeconds":"20"'), VIDEO.id, [
      ['Intro', 0],
      ['YouTube Chapters', 10],
    ]),
  );
  await serveMedia(launched.context);
  const tab = await launched.context.newPage();
  await tab.goto(URL_A);
  await tab.waitForFunction(() => (document.querySelector('video')?.duration ?? 0) > 19);
  return tab;
}

export async function openPanel(launched: Launched, tabId: number): Promise<Page> {
  const panel = await launched.context.newPage();
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.goto(extensionUrl(launched, `sidepanel.html?tab=${tabId}`));
  return panel;
}
