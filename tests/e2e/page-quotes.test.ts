import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { articleFixture, launch, openPopup, serve, tabIdFor, type Launched } from './harness';
import { ARS, selectText } from './library-helpers';

// Coming back to a page with kept quotes: opening the popup marks them in the page, and says
// which the page no longer holds.

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const FIXES = 'These were the fixes that I recommended to Mojang 2 years ago.';
const ZLIB = 'zlib shrinks down our evil data to a mere 39 kilobytes.';
const FLAW_START = 'A flaw in the wildly popular online game';
const FLAW_END = 'blog post published Thursday';

/** The texts the page's quote highlight covers, folded, in page order; null when there is none. */
function highlighted(tab: Page): Promise<string[] | null> {
  return tab.evaluate(() => {
    const highlight = CSS.highlights.get('learning-loop-quote');
    if (!highlight) return null;
    return [...highlight].map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim());
  });
}

const styleElements = (tab: Page) => tab.evaluate(() => document.querySelectorAll('style, link').length);

describe('quotes on the page when you come back', () => {
  it('marks the kept quotes in the page and lists the one the page no longer holds', async () => {
    ext = await launch();
    await serve(ext.context, ARS, articleFixture('ars-1'));
    const tab = await ext.context.newPage();
    await tab.goto(ARS);
    const tabId = await tabIdFor(ext, ARS);

    const keep = async (start: string, end: string, count: number) => {
      await selectText(tab, start, end);
      const popup = await openPopup(ext!, tabId);
      await popup.getByRole('button', { name: 'Save as quote' }).click();
      // Kept here, marked at once: the line counts every quote of the page.
      await popup
        .getByRole('status')
        .filter({
          hasText: count === 1 ? '1 quote highlighted on the page' : `${count} quotes highlighted on the page`,
        })
        .waitFor();
      await popup.close();
    };
    await keep(FIXES, FIXES, 1);
    await keep(ZLIB, ZLIB, 2);
    await keep(FLAW_START, FLAW_END, 3);

    // The page is edited since: the zlib sentence is gone. A new visit, nothing selected.
    await ext.context.unrouteAll();
    await serve(ext.context, ARS, articleFixture('ars-1').replace(ZLIB, 'The payload is compressed before sending.'));
    await tab.reload();
    expect(await highlighted(tab)).toBeNull();
    const stylesBefore = await styleElements(tab);

    const popup = await openPopup(ext, tabId);
    const line = popup.locator('.page-quotes');
    await line.getByText('2 quotes highlighted on the page').waitFor();
    await line.getByText('1 quote not found on the page now:').waitFor();
    expect(await line.locator('blockquote').allTextContents()).toEqual([ZLIB]);
    // Save this page stays the first thing to press: the line is below the capture card.
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Open its page');

    const marks = await highlighted(tab);
    expect(marks).toHaveLength(2);
    expect(marks![0]).toBe(FIXES);
    expect(marks![1]).toMatch(
      /^A flaw in the wildly popular online game .* exploits the vulnerability\. "I thought .* blog post published Thursday$/,
    );
    // Drawn by the extension's stylesheet, not an element the page can see.
    expect(await styleElements(tab)).toBe(stylesBefore);
  });
});
