import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  articleFixture,
  expectedMetadata,
  launch,
  openPopup,
  openTab,
  readStore,
  serve,
  tabIdFor,
  type Launched,
} from './harness';
import { TALK_A, TALK_B, watchPage } from './pages/youtube';

interface StoredResource {
  id: string;
  title: string;
  canonicalUrl: string;
  kind: string;
  videoId?: string;
  positionSec?: number;
  durationSec?: number;
  author?: string;
  site?: string;
  notes: string;
  tags: string[];
  sharedAt?: number;
  readingMinutes?: number;
}

let ext: Launched;
beforeEach(async () => {
  ext = await launch();
});
afterEach(async () => {
  await ext?.close();
});

describe('saving from the popup', () => {
  it('saves a YouTube talk at the moment the user was watching, once', async () => {
    const url = `https://www.youtube.com/watch?v=${TALK_A.id}&t=30s&feature=share`;
    await serve(ext.context, /^https:\/\/www\.youtube\.com\/watch/, watchPage(TALK_A, 754));
    const tab = await ext.context.newPage();
    await tab.goto(url);

    const popup = await openPopup(ext, await tabIdFor(ext, url));
    await expect.poll(() => popup.locator('#capture-title').textContent()).toBe(TALK_A.title);
    await expect.poll(() => popup.getByText('Clip at 12:34').count()).toBe(1);
    await popup.getByLabel('Add a note').fill('Shared vision needs dialogue, not slides.');
    await popup.getByLabel('Tags').fill('leadership, Systems Thinking');
    await popup.getByRole('button', { name: 'Save this page' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const [saved] = await readStore<StoredResource>(popup, 'resources');
    expect(saved).toMatchObject({
      kind: 'video',
      videoId: TALK_A.id,
      canonicalUrl: `https://www.youtube.com/watch?v=${TALK_A.id}`,
      title: TALK_A.title,
      author: TALK_A.channel,
      positionSec: 754,
      durationSec: 42 * 60 + 17,
      notes: 'Shared vision needs dialogue, not slides.',
      tags: ['leadership', 'systems thinking'],
    });

    // Saving again (from a variant URL) updates the one record and keeps the note.
    const again = await openPopup(ext, await tabIdFor(ext, url));
    await again.getByRole('status').filter({ hasText: 'Already saved' }).waitFor();
    // A saved video: the first thing is the clip note (focused); its page is a link away, and the
    // button says what it does now.
    await expect
      .poll(() => again.evaluate(() => document.activeElement?.closest('label')?.textContent ?? ''))
      .toMatch(/^Note at \d+:\d+/);
    await again.getByRole('link', { name: 'Open its page' }).waitFor();
    expect(await again.getByRole('button', { name: 'Save this page' }).count()).toBe(0);
    await again.getByRole('button', { name: 'Update from the page' }).click();
    await again.getByRole('status').filter({ hasText: 'Updated from the page.' }).waitFor();
    const all = await readStore<StoredResource>(again, 'resources');
    expect(all).toHaveLength(1);
    expect(all[0]!.notes).toBe('Shared vision needs dialogue, not slides.');
    expect(all[0]!.tags).toEqual(['leadership', 'systems thinking']);
  });

  it('after in-app navigation saves the video now playing, not the one the meta tags describe', async () => {
    await serve(ext.context, /^https:\/\/www\.youtube\.com\/watch/, watchPage(TALK_A, 10, TALK_B, 95));
    const tab = await ext.context.newPage();
    await tab.goto(`https://www.youtube.com/watch?v=${TALK_A.id}`);
    await tab.evaluate(() => (window as unknown as { navigateToNext: () => void }).navigateToNext());
    const url = `https://www.youtube.com/watch?v=${TALK_B.id}`;

    const popup = await openPopup(ext, await tabIdFor(ext, url));
    await expect.poll(() => popup.locator('#capture-title').textContent()).toBe(TALK_B.title);
    await popup.getByRole('button', { name: 'Save this page' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const [saved] = await readStore<StoredResource>(popup, 'resources');
    expect(saved).toMatchObject({ videoId: TALK_B.id, title: TALK_B.title, author: TALK_B.channel, positionSec: 95 });
    expect(saved!.canonicalUrl).toBe(url);
  });

  it('saves an article with its metadata and marks it shared with the team', async () => {
    const url = 'https://arstechnica.com/science/2015/07/some-article/';
    await serve(ext.context, url, articleFixture('ars-1'));
    const tab = await ext.context.newPage();
    await tab.goto(url);
    const expected = expectedMetadata('ars-1');

    const popup = await openPopup(ext, await tabIdFor(ext, url));
    await expect.poll(() => popup.locator('#capture-title').textContent()).toBe(expected.title);
    await popup.getByRole('button', { name: 'Save this page' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const [saved] = await readStore<StoredResource>(popup, 'resources');
    expect(saved).toMatchObject({ kind: 'article', title: expected.title });
    expect(saved!.readingMinutes).toBeGreaterThan(0);

    // Each box is named by its item: "Shared with team: “<title>”", the title cut at 60 characters.
    const shared = popup.getByRole('checkbox', { name: `Shared with team: “${expected.title.slice(0, 40)}` });
    await shared.waitFor();
    await shared.check();
    await expect
      .poll(async () => (await readStore<StoredResource>(popup, 'resources'))[0]!.sharedAt)
      .toBeGreaterThan(0);

    const reopened = await openPopup(ext, await tabIdFor(ext, url));
    await expect.poll(() => reopened.getByRole('checkbox', { name: 'Shared with team' }).isChecked()).toBe(true);
  });

  it('keeps a note typed before the popup closed', async () => {
    const url = 'https://www.bbc.com/news/some-story';
    await serve(ext.context, url, articleFixture('bbc-1'));
    const tab = await ext.context.newPage();
    await tab.goto(url);
    const tabId = await tabIdFor(ext, url);
    const popup = await openPopup(ext, tabId);
    await popup.getByLabel('Add a note').pressSequentially('Ask the team on Monday');
    await popup.close();
    const reopened = await openPopup(ext, tabId);
    await expect.poll(() => reopened.getByLabel('Add a note').inputValue()).toBe('Ask the team on Monday');
  });

  it('on a chrome:// page says why nothing can be saved and stores nothing', async () => {
    const tabId = await openTab(ext, 'chrome://version/');
    const popup = await openPopup(ext, tabId);
    await popup.getByText('Nothing to save here').waitFor();
    await popup.getByRole('status').filter({ hasText: "doesn't let extensions into" }).waitFor();
    // Only what can be done here: Log learning, first and focused; no disabled Save.
    expect(await popup.getByRole('button', { name: 'Save this page' }).count()).toBe(0);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Log learning');
    expect(await readStore(popup, 'resources')).toEqual([]);
  });
});
