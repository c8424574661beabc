import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, openPopup, readStore, serve, tabIdFor, type Launched } from './harness';
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

const stored = async (page: Page) =>
  (
    await readStore<StoredResource & { clips: { atSec: number; note: string; chapter?: string }[] }>(page, 'resources')
  )[0];

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
    await popup.getByRole('button', { name: 'Save this page' }).click();
    await popup.getByRole('status').filter({ hasText: 'Already saved' }).waitFor();
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
      expect.stringMatching(/^30:30\s+Team learning\s+Ask the team what they would change/),
      expect.stringMatching(/^12:34\s+Shared vision\s+Dialogue, not slides/),
    ]);
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
