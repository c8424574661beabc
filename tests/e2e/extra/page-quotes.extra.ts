import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, it } from 'vitest';
import { articleFixture, launch, openPopup, ROOT, serve, tabIdFor, type Launched } from '../harness';
import { ARS } from '../library-helpers';

// Screenshots of a saved page's quotes marked in it when the popup opens, and the popup's line
// (with one quote the page no longer holds), in English and Swedish (`npm run screenshots`).

const outDir = process.env.SHOTS_DIR ?? join(ROOT, '.output-screenshots');
const KEPT = [
  'The fix for this vulnerability isn’t exactly that hard',
  'These were the fixes that I recommended to Mojang 2 years ago.',
  'zlib shrinks down our evil data to a mere 39 kilobytes.',
];
const REMOVED =
  'But luckily Minecraft implements a way to compress large packets, lucky us! zlib shrinks down our evil data to a mere 39 kilobytes.';

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

async function select(tab: Page, text: string): Promise<void> {
  await tab.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
  }, text);
}

describe('screenshots of quotes on their page', () => {
  it.each([
    ['en', 'light'],
    ['sv', 'dark'],
  ] as const)('the article with its quotes marked and the popup (%s, %s)', async (lang, colorScheme) => {
    mkdirSync(outDir, { recursive: true });
    ext = await launch({ colorScheme, lang: lang === 'sv' ? 'sv' : 'en-GB' });
    await serve(ext.context, ARS, articleFixture('ars-1'));
    const tab = await ext.context.newPage();
    await tab.setViewportSize({ width: 1024, height: 700 });
    await tab.goto(ARS);
    const tabId = await tabIdFor(ext, ARS);
    for (const [index, text] of KEPT.entries()) {
      await select(tab, text);
      const popup = await openPopup(ext, tabId);
      await popup.locator('.quote-box').waitFor();
      await popup.locator('.capture-actions .btn-primary').click();
      await popup
        .locator(`.page-quotes-marked`)
        .filter({ hasText: String(index + 1) })
        .waitFor();
      await popup.close();
    }
    // The page has changed since: one passage is gone.
    await ext.context.unrouteAll();
    await serve(ext.context, ARS, articleFixture('ars-1').replace(REMOVED, 'The payload is compressed.'));
    await tab.reload();

    const popup = await openPopup(ext, tabId);
    await popup.locator('.page-quotes-missing').waitFor();
    await popup.addStyleTag({ content: 'html,body{overflow:visible!important;max-height:none!important}' });
    await popup.screenshot({ path: join(outDir, `popup-page-quotes-${lang}-${colorScheme}.png`), fullPage: true });
    await popup.close();

    await tab.evaluate(() => {
      const [first] = CSS.highlights.get('learning-loop-quote') ?? [];
      (first?.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
    });
    await tab.screenshot({ path: join(outDir, `page-quotes-highlighted-${lang}-${colorScheme}.png`) });
  });
});
