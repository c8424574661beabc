import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, launch, openPopup, readStore, serve, tabIdFor, type Launched } from './harness';
import { TALK_B } from './pages/youtube';
import { openPanel, openWatchPage, type Stored, URL_A, VIDEO } from './side-panel-helpers';

// The panel beside the video (#52): it follows the tab's playing video, pauses it while a note is
// typed, stores the note at its first keystroke's moment and moves the video to a clip's time.

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const player = (tab: Page) =>
  tab.evaluate(() => {
    const video = document.querySelector('video')!;
    return { time: video.currentTime, paused: video.paused };
  });

const seconds = (clock: string) => {
  const [m, s] = clock.split(':').map(Number);
  return m! * 60 + s!;
};

describe('the panel beside the video', () => {
  it('follows the playing video: live time, pause while typing, a clip at the first keystroke, seek, another video after in-site navigation', async () => {
    ext = await launch();
    const tab = await openWatchPage(ext);
    const panel = await openPanel(ext, await tabIdFor(ext, URL_A));
    await panel.getByRole('heading', { name: VIDEO.title }).waitFor();
    await panel.getByText(VIDEO.channel).waitFor();

    // Playing: the panel's time moves on with the video.
    await tab.evaluate(() => document.querySelector('video')!.play());
    const time = panel.getByTestId('panel-time');
    const shown = async () => seconds((await time.textContent())!.split(' ')[0]!);
    const PLAYING = { timeout: 15_000 };
    await expect.poll(shown, PLAYING).toBeGreaterThanOrEqual(2);
    const earlier = await shown();
    await expect.poll(shown, PLAYING).toBeGreaterThan(earlier);
    expect((await player(tab)).paused).toBe(false);

    // The first keystroke takes the moment and pauses the playing video.
    const box = panel.locator('.panel-note').getByRole('textbox');
    await box.press('D');
    await expect.poll(async () => (await player(tab)).paused, PLAYING).toBe(true);
    const label = (await panel.locator('.panel-note label span').first().textContent())!;
    const moment = seconds(/Note at (\d+:\d\d)/.exec(label)![1]!);
    const pausedAt = (await player(tab)).time;
    expect(Math.abs(pausedAt - moment)).toBeLessThan(1.5);

    // Shift+Enter keeps a second line; Enter stores the clip and the video plays again.
    await box.pressSequentially('ialogue first');
    await box.press('Shift+Enter');
    await box.pressSequentially('then the slides');
    await box.press('Enter');
    await panel
      .getByRole('status')
      .filter({ hasText: `Clipped 0:${String(moment).padStart(2, '0')}` })
      .waitFor();
    await expect.poll(async () => (await player(tab)).paused, PLAYING).toBe(false);
    expect(await box.inputValue()).toBe('');
    const [saved] = await readStore<Stored>(panel, 'resources');
    expect(saved?.clips).toEqual([
      expect.objectContaining({ atSec: moment, note: 'Dialogue first\nthen the slides', chapter: 'Intro' }),
    ]);

    // Listed newest first with its whole note; its time moves the video there, in this tab.
    const list = panel.getByRole('list', { name: 'Clips of this video' });
    await expect.poll(() => list.getByRole('textbox').inputValue()).toBe('Dialogue first\nthen the slides');
    await tab.evaluate(() => {
      const video = document.querySelector('video')!;
      video.pause();
      video.currentTime = 15;
    });
    const pages = ext.context.pages().length;
    await list.getByRole('button', { name: `Go to 0:${String(moment).padStart(2, '0')} in the video` }).click();
    await expect.poll(async () => Math.floor((await player(tab)).time), PLAYING).toBe(moment);
    expect(ext.context.pages()).toHaveLength(pages);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(panel)).toEqual([]);

    // A click to another video inside the site: the panel shows it, with none of the first's clips.
    const navigatedAt = Date.now();
    await tab.evaluate(() => (window as unknown as { navigateToNext: () => void }).navigateToNext());
    await panel.getByRole('heading', { name: TALK_B.title }).waitFor();
    // Measured, not asserted (timings belong in the bench): the issue asks for under 2 s.
    console.info(`side panel: in-site navigation shown after ${Date.now() - navigatedAt} ms`);
    await panel.getByText('No notes on this video yet.').waitFor();
    await expect(list.count()).resolves.toBe(0);
    expect(await panel.getByText('Dialogue first').count()).toBe(0);

    // A video the user paused stays paused through a note; the note goes to the new video.
    await tab.evaluate(() => document.querySelector('video')!.pause());
    await panel.getByText('Paused', { exact: true }).waitFor();
    await box.pressSequentially('Blameless');
    await box.press('Enter');
    await panel.getByRole('status').filter({ hasText: 'Clipped' }).waitFor();
    expect((await player(tab)).paused).toBe(true);
    const byUrl = await readStore<Stored>(panel, 'resources');
    expect(byUrl.find((r) => r.title === TALK_B.title)?.clips.map((c) => c.note)).toEqual(['Blameless']);
    expect(byUrl.find((r) => r.title === VIDEO.title)?.clips).toHaveLength(1);
  });

  it('the popup on a video offers Open beside the video: the panel opened inside the click, the popup closed', async () => {
    ext = await launch();
    await openWatchPage(ext);
    // The browser's side panel is not a page automation can see: the call is recorded instead, with
    // whether it came inside the click (after an await the browser would refuse it, gesture gone).
    const popup = await openPopup(ext, await tabIdFor(ext, URL_A), async (page) => {
      await page.addInitScript(() => {
        // Inside a click listener's own call (not a promise after it): every click listener counted.
        let inListener = 0;
        const add = EventTarget.prototype.addEventListener;
        EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
          if (type !== 'click' || typeof listener !== 'function') return add.call(this, type, listener, options);
          return add.call(
            this,
            type,
            function (this: unknown, event: Event) {
              inListener++;
              try {
                return listener.call(this, event);
              } finally {
                inListener--;
              }
            },
            options,
          );
        };
        // Kept in storage: the popup closes once the panel has opened.
        const record = (options: unknown) =>
          chrome.storage.local.set({ e2ePanelOpened: { options, inClick: inListener > 0 } });
        for (const api of [chrome, (globalThis as { browser?: object }).browser])
          if (api) Object.defineProperty(api, 'sidePanel', { value: { open: record }, configurable: true });
      });
    });
    const open = popup.getByRole('button', { name: 'Open beside the video' });
    await open.waitFor();
    const windowId = await popup.evaluate(async () => (await chrome.windows.getCurrent()).id);
    const closed = popup.waitForEvent('close');
    await open.click();
    await closed;
    const worker = ext.context.serviceWorkers()[0]!;
    const opened = await worker.evaluate(() => chrome.storage.local.get('e2ePanelOpened'));
    expect(opened.e2ePanelOpened).toEqual({ options: { windowId }, inClick: true });
  });

  it('a tab it may not read: a neutral state with Follow this tab, never another video', async () => {
    ext = await launch();
    const elsewhere = 'https://videos.example.net/watch/42';
    await serve(ext.context, elsewhere, '<!doctype html><title>Elsewhere</title><video></video>');
    const tab = await ext.context.newPage();
    await tab.goto(elsewhere);
    const worker = ext.context.serviceWorkers()[0]!;
    const tabId = await worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      // The e2e copy has no permission there, so the tab's address is hidden: the newest tab.
      return tabs.sort((a, b) => b.id! - a.id!)[0]!.id!;
    });
    const panel = await openPanel(ext, tabId);
    await panel.getByRole('heading', { name: 'This tab is not followed yet' }).waitFor();
    await panel.getByRole('button', { name: 'Follow this tab' }).waitFor();
    expect(await panel.getByRole('list').count()).toBe(0);
    expect(await axeViolations(panel)).toEqual([]);
  });
});
