import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, openPopup, readStore, ROOT, serve, tabIdFor, type Launched } from './harness';
import { type StoredResource, talkUrl } from './library-helpers';
import { TALK_A, watchPage, withChapters } from './pages/youtube';

// Clipping a talk while watching it: a note at each moment from the popup, every moment kept.

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const CHAPTERS: [string, number][] = [
  ['Intro', 0],
  ['Shared vision', 600],
  ['Team learning', 1500],
];

async function popupAt(launched: Launched, tab: Page, seconds: number): Promise<Page> {
  await tab.evaluate((at) => {
    document.querySelector('video')!.currentTime = at;
  }, seconds);
  const popup = await openPopup(launched, await tabIdFor(launched, tab.url()));
  await popup.locator('.clip-box').waitFor();
  return popup;
}

type WithClips = StoredResource & {
  durationSec?: number;
  clips: { atSec: number; endSec?: number; note: string; chapter?: string }[];
};
const stored = async (page: Page) => (await readStore<WithClips>(page, 'resources'))[0];

describe('clips while watching', () => {
  it('a note at each moment, with its chapter; every one kept, listed newest first, each opening the video there', async () => {
    ext = await launch();
    const url = talkUrl(TALK_A);
    await serve(ext.context, url, withChapters(watchPage(TALK_A, 754), TALK_A.id, CHAPTERS));
    const tab = await ext.context.newPage();
    await tab.goto(url);

    // Not saved yet: the first note saves the talk too, resuming where the user was.
    let popup = await popupAt(ext, tab, 754);
    const note = popup.getByLabel('Note at 12:34', { exact: true });
    await note.fill('Dialogue, not slides');
    await note.press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Clipped 12:34 · Shared vision.' }).waitFor();
    expect(await note.inputValue()).toBe('');
    await expect.poll(async () => (await stored(popup))?.clips.length).toBe(1);
    expect(await stored(popup)).toMatchObject({
      positionSec: 754,
      clips: [{ atSec: 754, note: 'Dialogue, not slides', chapter: 'Shared vision' }],
    });
    await popup.close();

    // Further on: another clip, with the button this time.
    popup = await popupAt(ext, tab, 1830);
    await popup.getByLabel('Note at 30:30', { exact: true }).fill('Ask the team what they would change');
    await popup.getByRole('button', { name: 'Add note at 30:30' }).click();
    await popup.getByRole('status').filter({ hasText: 'Clipped 30:30 · Team learning.' }).waitFor();

    // Saving again does not move where to resume, and keeps both clips.
    await popup.getByRole('button', { name: 'Update from the page' }).click();
    await popup.getByRole('status').filter({ hasText: 'Updated from the page.' }).waitFor();
    const again = await stored(popup);
    expect(again?.positionSec).toBe(754);
    expect(again?.clips.map((c) => [c.atSec, c.chapter, c.note])).toEqual([
      [754, 'Shared vision', 'Dialogue, not slides'],
      [1830, 'Team learning', 'Ask the team what they would change'],
    ]);
    // Resume later is the user's choice.
    await popup.getByRole('button', { name: 'Resume later at 30:30' }).click();
    await expect.poll(async () => (await stored(popup))?.positionSec).toBe(1830);
    await popup.close();

    // Reopened: both, newest first, each a link to its second.
    popup = await popupAt(ext, tab, 1900);
    const list = popup.getByRole('list', { name: 'Clips of this video' });
    await expect.poll(() => list.locator('li').count()).toBe(2);
    expect(await list.locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/^30:30\s+Team learning/),
      expect.stringMatching(/^12:34\s+Shared vision/),
    ]);
    expect(
      await list.getByRole('textbox').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    ).toEqual(['Ask the team what they would change', 'Dialogue, not slides']);
    // A note is edited in place.
    await list.getByLabel('Note of the clip at 12:34').fill('Dialogue, not slides. Try it Monday');
    await expect
      .poll(async () => (await stored(popup))?.clips.find((c) => c.atSec === 754)?.note)
      .toBe('Dialogue, not slides. Try it Monday');
    expect(await list.getByRole('link', { name: 'Open the video at 12:34' }).getAttribute('href')).toBe(
      `https://www.youtube.com/watch?v=${TALK_A.id}&t=754s`,
    );
    if (process.env.CLIP_SHOTS)
      await popup.screenshot({ path: `${process.env.CLIP_SHOTS}/popup-clips.png`, fullPage: true });

    // A clip removed comes back with Undo.
    await list.getByRole('button', { name: 'Remove the note at 12:34' }).click();
    await expect.poll(() => list.locator('li').count()).toBe(1);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => list.locator('li').count()).toBe(2);
    await popup.close();

    // A segment: the last 30 seconds, with a note.
    popup = await popupAt(ext, tab, 2000);
    await popup.getByLabel('Note at 33:20', { exact: true }).fill('The whole exchange');
    await popup.getByRole('button', { name: 'Clip the last 30 s' }).click();
    await popup.getByRole('status').filter({ hasText: 'Clipped 32:50–33:20 · Team learning.' }).waitFor();
    expect((await stored(popup))?.clips.find((c) => c.note === 'The whole exchange')).toMatchObject({
      atSec: 1970,
      endSec: 2000,
    });
    await popup.close();

    // Past the end of the 42:17 talk: refused, said why, nothing stored.
    popup = await popupAt(ext, tab, 3000);
    await popup.getByLabel('Note at 50:00', { exact: true }).fill('Too late');
    await popup.getByLabel('Note at 50:00', { exact: true }).press('Enter');
    await popup.getByRole('alert').filter({ hasText: 'That is past the end of the video (42:17).' }).waitFor();
    expect((await stored(popup))?.clips).toHaveLength(3);
  });
});

describe('clipping a real video as it plays', () => {
  it('a WebM that plays and seeks: clips at 0:04 and 0:12 in their chapters, the resume point kept, a time past the end refused', async () => {
    ext = await launch();
    const id = 'rEaLvIdeo01';
    const url = `https://www.youtube.com/watch?v=${id}`;
    const video: typeof TALK_A = { ...TALK_A, id, title: 'What a chapter is', durationIso: 'PT20S' };
    const page = watchPage(video, 0).replace(
      '<video class="html5-main-video"></video>',
      '<video class="html5-main-video" src="https://www.youtube.com/test-media/talk-20s.webm" muted playsinline></video>',
    );
    await serve(
      ext.context,
      url,
      withChapters(page.replace('"lengthSeconds":"2537"', '"lengthSeconds":"20"'), id, [
        ['Intro', 0],
        ['YouTube Chapters', 10],
      ]),
    );
    // Served as a media server does: with byte ranges, which the player needs to seek.
    const media = readFileSync(join(ROOT, 'tests/fixtures/video/talk-20s.webm'));
    await ext.context.route('https://www.youtube.com/test-media/talk-20s.webm', (route) => {
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
    const tab = await ext.context.newPage();
    await tab.goto(url);
    // The real player: its length is known once the metadata has loaded.
    await tab.waitForFunction(() => (document.querySelector('video')?.duration ?? 0) > 19);
    const seek = (to: number) =>
      tab.evaluate(
        (at) =>
          new Promise<void>((resolve) => {
            const player = document.querySelector('video')!;
            player.addEventListener('seeked', () => resolve(), { once: true });
            player.currentTime = at;
          }),
        to,
      );

    await seek(4);
    let popup = await openPopup(ext, await tabIdFor(ext, url));
    await popup.getByLabel('Note at 0:04', { exact: true }).fill('What the talk promises');
    await popup.getByLabel('Note at 0:04', { exact: true }).press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Clipped 0:04 · Intro.' }).waitFor();
    await popup.close();

    // Play on to past 0:12, then clip where it stopped.
    await tab.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const player = document.querySelector('video')!;
          const check = () => {
            if (player.currentTime >= 12) {
              player.pause();
              player.removeEventListener('timeupdate', check);
              resolve();
            }
          };
          player.addEventListener('timeupdate', check);
          void player.play();
        }),
    );
    const at = await tab.evaluate(() => Math.floor(document.querySelector('video')!.currentTime));
    expect(at).toBeGreaterThanOrEqual(12);
    expect(at).toBeLessThan(20);
    const clock = `0:${String(at).padStart(2, '0')}`;
    popup = await openPopup(ext, await tabIdFor(ext, url));
    await popup.getByLabel(`Note at ${clock}`, { exact: true }).fill('Chapters come from the description');
    await popup.getByRole('button', { name: `Add note at ${clock}` }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: `Clipped ${clock} · YouTube Chapters.` })
      .waitFor();
    await popup.getByRole('button', { name: 'Update from the page' }).click();
    await popup.getByRole('status').filter({ hasText: 'Updated from the page.' }).waitFor();
    const saved = await stored(popup);
    expect(saved?.positionSec).toBe(4);
    expect(saved?.durationSec).toBe(20);
    expect(saved?.clips.map((c) => [c.atSec, c.chapter, c.note])).toEqual([
      [4, 'Intro', 'What the talk promises'],
      [at, 'YouTube Chapters', 'Chapters come from the description'],
    ]);

    // The library knows the length: a clip at 0:30 of a 0:20 video is refused.
    const library = await ext.context.newPage();
    await library.goto(extensionUrl(ext, `library.html#resource/${encodeURIComponent(saved!.id)}`));
    await library.getByRole('link', { name: 'Open the video at 0:04' }).waitFor();
    await library.getByLabel('At', { exact: true }).fill('0:30');
    await library.getByLabel('Note', { exact: true }).fill('After the end');
    await library.getByRole('button', { name: 'Add note' }).click();
    await library.getByRole('alert').filter({ hasText: 'That is past the end of the video (0:20).' }).waitFor();
    expect((await stored(library))?.clips).toHaveLength(2);
  });
});
