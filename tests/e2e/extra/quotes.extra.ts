import { mkdirSync } from 'node:fs';
import { afterEach, describe, it } from 'vitest';
import { articleFixture, launch, openPopup, serve, tabIdFor, type Launched, wholePageShot } from '../harness';
import { ARS, openLibrary } from '../library-helpers';

// Screenshots of quotes: the popup with a selection, and the resource page's quotes.

const SHOTS = '/tmp/shots-quotes';
let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

describe('screenshots of quotes', () => {
  it.each(['light', 'dark'] as const)('popup and resource page (%s)', async (colorScheme) => {
    mkdirSync(SHOTS, { recursive: true });
    ext = await launch({ colorScheme });
    await serve(ext.context, ARS, articleFixture('ars-1'));
    const tab = await ext.context.newPage();
    await tab.goto(ARS);
    const tabId = await tabIdFor(ext, ARS);
    const sentences = [
      'The fix for this vulnerability isn’t exactly that hard',
      'zlib shrinks down our evil data to a mere 39 kilobytes.',
    ];
    for (const [index, sentence] of sentences.entries()) {
      await tab.evaluate((text) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(text);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return;
        }
      }, sentence);
      const popup = await openPopup(ext, tabId);
      await popup.locator('.quote-box').waitFor();
      if (index === 0) {
        await popup.getByLabel('Note on this quote (optional)').fill('Ask the platform team about limits');
        await popup.screenshot({ path: `${SHOTS}/popup-selection-${colorScheme}.png` });
      }
      await popup.getByRole('button', { name: 'Save as quote' }).click();
      await popup.getByRole('status').filter({ hasText: 'Quote saved' }).waitFor();
      if (index === 1) await popup.screenshot({ path: `${SHOTS}/popup-saved-${colorScheme}.png` });
      await popup.close();
    }
    const library = await openLibrary(ext);
    await library.setViewportSize({ width: 1280, height: 900 });
    await library.locator('.res-row .res-title').click();
    await library.locator('.res-quote').nth(1).waitFor();
    await wholePageShot(library, `${SHOTS}/resource-quotes-${colorScheme}.png`);
    await library.goto(library.url().replace(/#.*$/, '#resources?q=kilobytes'));
    await library.locator('.res-snippet').waitFor();
    await library.screenshot({ path: `${SHOTS}/search-snippet-${colorScheme}.png` });
  });
});
