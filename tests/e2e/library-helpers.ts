import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { articleFixture, openPopup, extensionUrl, serve, tabIdFor, type Launched } from './harness';
import { TALK_A, TALK_B, watchPage, type FakeVideo } from './pages/youtube';

// Shared by the library's end-to-end tests and its screenshot and measurement runs.

export interface StoredResource {
  id: string;
  url: string;
  title: string;
  kind: string;
  notes: string;
  takeaways: { id: string; text: string; createdAt: number }[];
  tags: string[];
  status: string;
  sharedAt?: number;
  sharedHow?: string;
  learnedAt?: number;
  positionSec?: number;
  clips: { id: string; atSec: number; note: string; chapter?: string }[];
  updatedAt: number;
}

export const SHOTS = '/tmp/shots-library';
export const ARS = 'https://arstechnica.com/science/2015/07/some-article/';
export const BBC = 'https://www.bbc.com/news/some-story';
export const TALK_C: FakeVideo = {
  id: 'Zx9Yw8Vu7Ts',
  title: 'Att lära av misstag: retrospektiv som fungerar',
  channel: 'Agila Sverige',
  durationIso: 'PT19M40S',
  description: 'Om återkoppling och övning i team.',
};

/** A YouTube-like thumbnail, so screenshots show what a user sees (nothing leaves the machine). */
export function thumbnailSvg(label: string, hue: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270" viewBox="0 0 480 270">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 55% 38%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 60% 22%)"/></linearGradient></defs>
<rect width="480" height="270" fill="url(#g)"/><circle cx="390" cy="70" r="90" fill="rgb(255 255 255 / 0.08)"/>
<text x="32" y="200" font-family="sans-serif" font-size="40" font-weight="700" fill="#fff">${label}</text></svg>`;
}

export async function serveThumbnails(launched: Launched): Promise<void> {
  await launched.context.route(/^https:\/\/(i\.ytimg\.com|cdn\.arstechnica\.net)\//, (route) => {
    const id = /\/vi\/([^/]+)\//.exec(route.request().url())?.[1] ?? 'ARS';
    const hue = [...id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 360;
    return route.fulfill({
      status: 200,
      contentType: 'image/svg+xml',
      body: thumbnailSvg(id.slice(0, 4).toUpperCase(), hue),
    });
  });
}

/** Save through the real capture path: the page is served, the popup reads it and saves it. */
export async function saveThroughPopup(
  launched: Launched,
  url: string,
  body: string,
  extras: { note?: string; tags?: string } = {},
): Promise<Page> {
  await serve(launched.context, url, body);
  const tab = await launched.context.newPage();
  await tab.goto(url);
  const popup = await openPopup(launched, await tabIdFor(launched, url));
  await popup.locator('#capture-title').filter({ hasNotText: /^$/ }).waitFor();
  await popup.getByRole('button', { name: 'Save this page' }).waitFor();
  await expect.poll(() => popup.getByRole('button', { name: 'Save this page' }).isEnabled()).toBe(true);
  if (extras.note) await popup.getByLabel('Add a note').fill(extras.note);
  if (extras.tags) await popup.getByLabel('Tags').fill(extras.tags);
  await popup.getByRole('button', { name: 'Save this page' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  return popup;
}

export const talkUrl = (video: FakeVideo) => `https://www.youtube.com/watch?v=${video.id}`;

export async function saveLibrary(launched: Launched): Promise<void> {
  await saveThroughPopup(launched, talkUrl(TALK_A), watchPage(TALK_A, 754), {
    note: 'Shared vision needs dialogue, not slides.',
    tags: 'leadership, systems thinking',
  });
  await saveThroughPopup(launched, talkUrl(TALK_B), watchPage(TALK_B, 95), { tags: 'incidents' });
  await saveThroughPopup(launched, talkUrl(TALK_C), watchPage(TALK_C, 0), {
    note: 'Prova en övning på nästa retro.',
    tags: 'retrospectives',
  });
  await saveThroughPopup(launched, ARS, articleFixture('ars-1'), {
    note: 'Patch the game servers before Friday.',
    tags: 'security',
  });
  await saveThroughPopup(launched, BBC, articleFixture('bbc-1'));
}

export async function openLibrary(launched: Launched, hash = 'resources', page?: Page): Promise<Page> {
  const library = page ?? (await launched.context.newPage());
  await library.goto(extensionUrl(launched, `library.html#${hash}`));
  await library.locator('#main h1').first().waitFor();
  return library;
}

export const count = (library: Page) => library.locator('.res-count').textContent();
export const titles = (library: Page) => library.locator('.res-row .res-title').allTextContents();

/** Selects from the start of `start` to the end of `end` in the page, as a reader's drag would. */
export async function selectText(tab: Page, start: string, end: string): Promise<void> {
  await tab.evaluate(
    ([from, to]) => {
      const find = (needle: string) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(needle);
          if (at >= 0) return { node, at };
        }
        throw new Error(`not on the page: ${needle}`);
      };
      const a = find(from!);
      const b = find(to!);
      const range = document.createRange();
      range.setStart(a.node, a.at);
      range.setEnd(b.node, b.at + to!.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    [start, end],
  );
}
