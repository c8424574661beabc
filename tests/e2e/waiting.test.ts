import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  articleFixture,
  axeViolations,
  currentWorker,
  extensionUrl,
  launch,
  openPopup,
  promptDueIn,
  screenshotsInto,
  serve,
  tabIdFor,
  type Launched,
} from './harness';

/** Screenshots for a person to look at: WAITING_SHOTS_DIR=/tmp/… */
const shot = screenshotsInto(process.env.WAITING_SHOTS_DIR);

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

/** Where Save this page is drawn, once the page is read, Save has the focus and the list is in. */
async function saveBox(popup: Page) {
  const save = popup.getByRole('button', { name: 'Save this page' });
  await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Save this page');
  await popup.locator('.capture[aria-busy="false"]').waitFor();
  await popup.locator('.recent li, .recent .empty').first().waitFor();
  await popup.waitForFunction(() => [...document.images].every((image) => image.complete));
  return (await save.boundingBox())!;
}

describe('what waits comes first', () => {
  it('a due question is named above Save, which stays where it was, and opens in place', async () => {
    ext = await launch();
    const url = 'https://arstechnica.com/science/2015/07/some-article/';
    await serve(ext.context, url, articleFixture('ars-1'));
    const tab = await ext.context.newPage();
    await tab.goto(url);
    const tabId = await tabIdFor(ext, url);

    // Nothing waits: Save this page, focused, inside the popup's 600 px.
    const popup = await openPopup(ext, tabId);
    const before = await saveBox(popup);
    if (process.env.WAITING_SHOTS_DIR) await shot(popup, 'popup-nothing-waits');
    expect(before.y + before.height).toBeLessThanOrEqual(600);
    expect(await popup.locator('.waiting-strip').count()).toBe(0);

    // A question comes due while the popup is open: the strip names it, and Save does not move.
    const library = await ext.context.newPage();
    await library.goto(extensionUrl(ext, 'library.html#settings'));
    await promptDueIn(library, 1);
    const worker = await currentWorker(ext);
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 20_000 }).toBe('?');
    const question = await popup.evaluate(
      async () => ((await chrome.storage.local.get('duePrompt')).duePrompt as { text: string }).text,
    );
    const strip = popup.locator('.waiting-strip');
    await strip.waitFor();
    expect(await strip.textContent()).toContain(`Question: ${question.split(' ').slice(0, 3).join(' ')}`);
    if (process.env.WAITING_SHOTS_DIR) await shot(popup, 'popup-strip-arrived');
    expect(await popup.getByRole('button', { name: 'Save this page' }).boundingBox()).toEqual(before);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Save this page');

    // Opened again with the question waiting: the strip from the start, Save in the same place.
    await popup.close();
    const again = await openPopup(ext, tabId);
    await again.locator('.waiting-strip').waitFor();
    expect(await saveBox(again)).toEqual(before);
    expect(await again.locator('.due-prompt').count()).toBe(0);
    expect(await axeViolations(again)).toEqual([]);
    await shot(again, 'popup-waiting');

    // Used: the question's card where the strip was, its box open with the focus, no complaint.
    await again.locator('.waiting-strip').click();
    const box = again.getByRole('textbox', { name: question, exact: true });
    await box.waitFor();
    await expect.poll(() => again.evaluate(() => document.activeElement?.id)).toBe('due-answer');
    expect(await again.getByRole('alert').count()).toBe(0);
    const card = (await again.locator('.due-prompt').boundingBox())!;
    expect(card.y).toBeLessThan((await again.getByRole('button', { name: 'Save this page' }).boundingBox())!.y);
    await shot(again, 'popup-waiting-open');
    // An empty answer is refused only once Save answer is pressed, and says why.
    await again.getByRole('button', { name: 'Save answer' }).click();
    await again.getByRole('alert').filter({ hasText: 'Write a few words first, or skip this one.' }).waitFor();
    await again.keyboard.type('We paired on the release.');
    await again.getByRole('button', { name: 'Save answer' }).click();
    await again.getByRole('status').filter({ hasText: 'Saved to your journal.' }).waitFor();
  });
});
